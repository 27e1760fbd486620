using SelfService.ActionCodes;

namespace SelfService.ActionCodes.Tests;

public sealed class TolerantKeywordIndexTests
{
    // The sample operator's services, as the gateway would index them.
    private static readonly TolerantKeywordIndex<string> Services = new(new Dictionary<string, string>
    {
        ["ROAMING"] = "ROAMING",
        ["РОУМИНГ"] = "ROAMING",
        ["INTERNET"] = "INTERNET",
        ["ИНТЕРНЕТ"] = "INTERNET",
        ["VOICEMAIL"] = "VOICEMAIL",
        ["ГОЛОСПОЧТА"] = "VOICEMAIL",
        ["CALLERID"] = "CALLERID",
        ["АОН"] = "CALLERID",
        ["BLACKLIST"] = "BLACKLIST",
        ["ЧС"] = "BLACKLIST",
        ["SMSPACK"] = "SMSPACK",
        ["СМСПАКЕТ"] = "SMSPACK",
        ["RINGBACK"] = "RINGBACK",
        ["ГУДОК"] = "RINGBACK",
    });

    [TestCase("ROAMING", "ROAMING")]
    [TestCase("roaming", "ROAMING")]
    [TestCase("  Роуминг! ", "ROAMING")]
    [TestCase("PОУМИНГ", "ROAMING")]
    [TestCase("ROUMING", "ROAMING")]
    [TestCase("РОМИНГ", "ROAMING")]
    [TestCase("ROAMNIG", "ROAMING")]
    [TestCase("интернет", "INTERNET")]
    [TestCase("INTERNT", "INTERNET")]
    [TestCase("ИНТРЕНЕТ", "INTERNET")]
    [TestCase("ИНТЕРНЕТА", "INTERNET")]
    [TestCase("voicemail", "VOICEMAIL")]
    [TestCase("ГОЛОС ПОЧТА", "VOICEMAIL")]
    [TestCase("аон", "CALLERID")]
    [TestCase("AOH", "CALLERID")]
    [TestCase("CALERID", "CALLERID")]
    [TestCase("чс", "BLACKLIST")]
    [TestCase("SMSPAK", "SMSPACK")]
    [TestCase("смспакет", "SMSPACK")]
    [TestCase("RINGBAK", "RINGBACK")]
    [TestCase("ГУДОКК", "RINGBACK")]
    public void TryMatch_KnownServiceAsTyped_ReturnsService(string word, string service)
    {
        var found = Services.TryMatch(word, out var value);

        Assert.That((found, value), Is.EqualTo((true, service)));
    }

    [TestCase("АО")]
    [TestCase("АОНН")]
    [TestCase("ЧСС")]
    [TestCase("ROAM")]
    [TestCase("MUSIC")]
    [TestCase("ROAMING INTERNET")]
    [TestCase("")]
    public void TryMatch_UnknownOrTooFar_ReturnsFalse(string word)
    {
        Assert.That(Services.TryMatch(word, out _), Is.False);
    }

    [TestCase("BAL", 1)]
    [TestCase("BALANSE", 2)]
    public void TryMatch_TypoInLongKeyword_Matches(string word, int expected)
    {
        var index = Index(("BAL", 1), ("BALANCE", 2));

        Assert.That(index.TryMatch(word, out var value) ? value : 0, Is.EqualTo(expected));
    }

    [TestCase("BAK")]
    [TestCase("BALL")]
    [TestCase("ABL")]
    public void TryMatch_TypoInThreeLetterKeyword_ReturnsFalse(string word)
    {
        var index = Index(("BAL", 1));

        Assert.That(index.TryMatch(word, out _), Is.False);
    }

    // Two letters, so only the Ё to Е mapping (not typo tolerance) can match; the second is Е plus a combining diaeresis.
    [TestCase("ёж")]
    [TestCase("е\u0308ж")]
    public void TryMatch_YoForYe_Matches(string word)
    {
        var index = Index(("ЕЖ", 1));

        Assert.That(index.TryMatch(word, out var value) ? value : 0, Is.EqualTo(1));
    }

    [Test]
    public void TryMatch_TypoNearTwoValues_ReturnsFalse()
    {
        var index = Index(("ROAM", 1), ("ROAD", 2));

        Assert.That(index.TryMatch("ROAX", out _), Is.False);
    }

    [Test]
    public void TryMatch_ExactKeywordAlsoOneTypoFromAnother_ReturnsExactValue()
    {
        var index = Index(("ROAM", 1), ("ROAD", 2));

        Assert.That(index.TryMatch("ROAD", out var value) ? value : 0, Is.EqualTo(2));
    }

    [Test]
    public void TryMatch_TypoNearTwoKeywordsOfOneValue_ReturnsValue()
    {
        var index = Index(("ROAMING", 1), ("ROUMING", 1));

        Assert.That(index.TryMatch("ROOMING", out var value) ? value : 0, Is.EqualTo(1));
    }

    [Test]
    public void TryMatch_ComparerSaysValuesAreTheSame_TypoIsNotAmbiguous()
    {
        var keywords = new Dictionary<string, string> { ["ROAMING"] = "roaming", ["ROUMING"] = "ROAMING" };
        var index = new TolerantKeywordIndex<string>(keywords, StringComparer.OrdinalIgnoreCase);

        Assert.That(index.TryMatch("ROOMING", out _), Is.True);
    }

    [Test]
    public void TryMatch_DefaultComparerSeesTwoValues_TypoIsAmbiguous()
    {
        var keywords = new Dictionary<string, string> { ["ROAMING"] = "roaming", ["ROUMING"] = "ROAMING" };
        var index = new TolerantKeywordIndex<string>(keywords);

        Assert.That(index.TryMatch("ROOMING", out _), Is.False);
    }

    [TestCase("ROAMING", "roaming ")]
    [TestCase("ТОР", "TOP")]
    public void Constructor_KeywordsThatReadOrLookTheSameWithDifferentValues_Throws(string first, string second)
    {
        Assert.That(() => Index((first, 1), (second, 2)), Throws.ArgumentException.With.Message.Contains(second));
    }

    [Test]
    public void Constructor_EmptyKeyword_Throws()
    {
        Assert.That(() => Index((" ", 1)), Throws.ArgumentException);
    }

    [Test]
    public void Constructor_SameKeywordTwiceWithSameValue_Accepted()
    {
        var index = Index(("ROAMING", 1), ("roaming", 1), ("RОАМING", 1));

        Assert.That(index.TryMatch("ROAMING", out var value) ? value : 0, Is.EqualTo(1));
    }

    private static TolerantKeywordIndex<int> Index(params (string Keyword, int Value)[] keywords) =>
        new(keywords.Select(keyword => KeyValuePair.Create(keyword.Keyword, keyword.Value)));
}
