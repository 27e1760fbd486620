using SelfService.Commands.Understanding;

namespace SelfService.Commands.Tests.Understanding;

public sealed class PhraseIndexTests
{
    private static readonly HashSet<string> Fillers = ["мне", "please"];

    private static readonly PhraseIndex<string> Index = new(
        [
            KeyValuePair.Create("включить", "ACT"),
            KeyValuePair.Create("выключить", "DEACT"),
            KeyValuePair.Create("turn off", "DEACT"),
            KeyValuePair.Create("cancel", "NO"),
            KeyValuePair.Create("cancel", "DEACT"),
            KeyValuePair.Create("мне", "NEVER"),
            KeyValuePair.Create("какие услуги", "STATUS"),
            KeyValuePair.Create("roaming", "ROAMING"),
        ],
        Fillers);

    private static IReadOnlyList<PhraseMatch<string>> Find(string text) =>
        Index.Find([.. WordForms.Split(text).Where(w => !Fillers.Contains(w.Text))]);

    [Test]
    public void Find_OtherWordForm_MatchesExactly() =>
        Assert.That(Find("выключите роуминг").Single(), Is.EqualTo(new PhraseMatch<string>("DEACT", 0, 1, Exact: true)));

    [Test]
    public void Find_OneTypoInALongWord_MatchesNotExactly() =>
        Assert.That(Find("выклюить роуминг").Single(), Is.EqualTo(new PhraseMatch<string>("DEACT", 0, 1, Exact: false)));

    [Test]
    public void Find_TypoBetweenTwoValues_IsNoMatch() =>
        // "вылючить" is one letter from включить (ы for к) and one from выключить (a missing к): no guess.
        Assert.That(Find("вылючить"), Is.Empty);

    [Test]
    public void Find_SameWordsForTwoActions_KeepsBoth() =>
        Assert.That(Find("cancel").Select(m => m.Value), Is.EquivalentTo(new[] { "NO", "DEACT" }));

    [Test]
    public void Find_PhraseOfFillersOnly_NeverMatches() =>
        Assert.That(Find("мне"), Is.Empty);

    [Test]
    public void Find_TypoThatChangesTheStem_MatchesByTheWrittenWord() =>
        // "roming" stems to "rome" and "roaming" to "roam": too short to compare, but the words as written are one letter apart.
        Assert.That(Find("roming").Single(), Is.EqualTo(new PhraseMatch<string>("ROAMING", 0, 1, Exact: false)));

    [Test]
    public void Find_OneWordInsideAPhrase_MatchesAndLeavesThatWordOut()
    {
        var match = Find("какие подключены услуги").Single();
        Assert.Multiple(() =>
        {
            Assert.That(match, Is.EqualTo(new PhraseMatch<string>("STATUS", 0, 3, Exact: true, Skipped: 1)));
            Assert.That(match.Words, Is.EqualTo(new[] { 0, 2 }));
        });
    }

    [Test]
    public void Find_TwoWordsInsideAPhrase_IsNoMatch() =>
        Assert.That(Find("какие сейчас подключены услуги"), Is.Empty);
}
