using SelfService.Commands.Unanswered;
using SelfService.KnowledgeBase;

namespace SelfService.Commands.Tests.Unanswered;

[TestFixture]
public sealed class QuestionGroupingTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private QuestionTerms _terms = null!;

    [SetUp]
    public void Create() => _terms = new QuestionTerms();

    [TearDown]
    public void Dispose() => _terms.Dispose();

    private static UnansweredAsk Ask(string text, string channel = "webchat", int minutes = 0, string language = "ru") =>
        new(text, language, channel, Monday.AddMinutes(minutes));

    private IReadOnlyList<QuestionGroup> Group(params UnansweredAsk[] asks) => QuestionGrouping.Group(asks, _terms.Of);

    [Test]
    public void Group_SameQuestionInOtherWordsCaseAndSpacing_IsOneGroupCountingEveryAsk()
    {
        var groups = Group(
            Ask("Почему не приходят СМС?", "sms", 1),
            Ask("почему  не приходят смс?", "webchat", 2),
            Ask("Не приходит смс", "telegram", 3),
            Ask("Как перенести номер к вам?", "email", 4));

        Assert.That(groups, Has.Count.EqualTo(2));
        var sms = groups[0];
        Assert.Multiple(() =>
        {
            Assert.That(sms.Count, Is.EqualTo(3));
            Assert.That(sms.TypicalWording, Is.EqualTo("почему  не приходят смс?".Trim()), "the most asked wording, as most recently written");
            Assert.That(sms.Wordings, Is.EqualTo(new[] { "почему  не приходят смс?", "Не приходит смс" }));
            Assert.That(sms.Channels, Is.EqualTo(new[] { "sms", "telegram", "webchat" }));
            Assert.That(sms.Languages, Is.EqualTo(new[] { "ru" }));
            Assert.That(sms.Language, Is.EqualTo("ru"));
            Assert.That(sms.LastAsked, Is.EqualTo(Monday.AddMinutes(3)));
            Assert.That(groups[1].TypicalWording, Is.EqualTo("Как перенести номер к вам?"));
            Assert.That(groups[1].Count, Is.EqualTo(1));
        });
    }

    [Test]
    public void Group_QuestionsSharingOneWordOnly_StayApart()
    {
        var groups = Group(Ask("Сколько стоит роуминг в Турции?"), Ask("Как отключить платные подписки?"), Ask("Сколько стоит смена тарифа?"));

        Assert.That(groups.Select(g => g.Count), Is.EqualTo(new[] { 1, 1, 1 }));
    }

    [Test]
    public void Group_ChainOfSmallOverlaps_DoesNotPullUnrelatedQuestionsTogether()
    {
        // b overlaps a, c overlaps b, but c shares nothing with a: c must not join a's group through b.
        var terms = new Dictionary<string, IReadOnlySet<string>>
        {
            ["a"] = new HashSet<string> { "x", "y" },
            ["b"] = new HashSet<string> { "x", "y", "z" },
            ["c"] = new HashSet<string> { "z", "w" },
        };
        var asks = new[] { new UnansweredAsk("a", "en", "sms", Monday), new UnansweredAsk("a", "en", "sms", Monday), new UnansweredAsk("b", "en", "sms", Monday), new UnansweredAsk("c", "en", "sms", Monday) };

        var groups = QuestionGrouping.Group(asks, (text, _) => terms[text]);

        Assert.That(groups.Select(g => (g.TypicalWording, g.Count)), Is.EqualTo(new[] { ("a", 3), ("c", 1) }));
    }

    [Test]
    public void Group_OnlyFillerWords_GroupsOnlyIdenticalWordings()
    {
        var groups = Group(Ask("Здравствуйте!"), Ask("здравствуйте!"), Ask("Подскажите пожалуйста"));

        Assert.That(groups.Select(g => g.Count), Is.EqualTo(new[] { 2, 1 }));
    }

    [Test]
    public void Group_MoreAskedFirst_ThenMoreRecent()
    {
        var groups = Group(
            Ask("How do I port my number?", minutes: 1, language: "en"),
            Ask("Is there 5G coverage in Leeds?", minutes: 5, language: "en"),
            Ask("Where is your shop?", minutes: 2, language: "en"),
            Ask("Where is your shop?", minutes: 3, language: "en"));

        Assert.That(groups.Select(g => g.TypicalWording), Is.EqualTo(new[] { "Where is your shop?", "Is there 5G coverage in Leeds?", "How do I port my number?" }));
    }

    [Test]
    public void Jaccard_SharedOverAllTerms()
    {
        Assert.That(QuestionGrouping.Jaccard(new HashSet<string> { "a", "b" }, new HashSet<string> { "b", "c" }), Is.EqualTo(1.0 / 3));
        Assert.That(QuestionGrouping.Jaccard(new HashSet<string>(), new HashSet<string>()), Is.Zero);
    }
}
