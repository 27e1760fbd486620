using SelfService.KnowledgeBase.Search;

namespace SelfService.KnowledgeBase.Tests.Search;

[TestFixture]
public sealed class ConfidenceScorerTests
{
    [TestCase("roaming", "roaming", 0)]
    [TestCase("roaming", "roamng", 1)]
    [TestCase("roaming", "raoming", 1)]
    [TestCase("roaming", "rooming", 1)]
    [TestCase("voicemail", "viocemial", 2)]
    public void EditDistance_KnownPairs_CountsEditsWithTranspositions(string a, string b, int expected)
    {
        Assert.That(ConfidenceScorer.EditDistance(a, b, 3), Is.EqualTo(expected));
    }

    [Test]
    public void EditDistance_BeyondLimit_StopsAtLimitPlusOne()
    {
        Assert.That(ConfidenceScorer.EditDistance("roaming", "balance", 2), Is.EqualTo(3));
    }

    [TestCase("roamng", "roam", true)]
    [TestCase("roamin", "roam", true)]
    [TestCase("baalnc", "balanc", true)]
    [TestCase("data", "date", false)]
    [TestCase("10gb", "10mb", false)]
    [TestCase("weather", "whether", false)]
    public void IsLikelyTypo_Pairs_AcceptsOnlyCloseLongWords(string term, string candidate, bool expected)
    {
        Assert.That(ConfidenceScorer.IsLikelyTypo(term, candidate), Is.EqualTo(expected));
    }

    [TestCase("подключ", "подключен", true)]
    [TestCase("пополн", "пополнен", true)]
    [TestCase("плат", "платеж", false)]
    [TestCase("роуминг", "рост", false)]
    public void SameFamily_RussianStems_LinksDerivationsOnly(string a, string b, bool expected)
    {
        Assert.That(ConfidenceScorer.SameFamily(a, b), Is.EqualTo(expected));
    }
}
