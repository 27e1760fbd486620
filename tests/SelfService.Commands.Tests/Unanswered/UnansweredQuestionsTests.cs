using SelfService.Commands.Unanswered;
using SelfService.KnowledgeBase;

namespace SelfService.Commands.Tests.Unanswered;

/// <summary>The unanswered questions as the command processor records them, over the real history and knowledge base.</summary>
[TestFixture]
public sealed class UnansweredQuestionsTests
{
    private ProcessorHarness _harness = null!;

    [SetUp]
    public async Task Start() => _harness = await ProcessorHarness.StartAsync();

    [TearDown]
    public void Stop() => _harness.Dispose();

    [Test]
    public async Task Groups_MissedThenEscalatingQuestion_CountsBothAndNotTheAnsweredOnes()
    {
        var first = await _harness.SendAsync(ProcessorHarness.Web, "visitor-1", "Какая погода завтра в Сочи?");
        var second = await _harness.SendAsync(ProcessorHarness.Web, "visitor-1", "погода в Сочи завтра какая?");
        await _harness.SendAsync(ProcessorHarness.Sms, "+79161234567", "Как подключить роуминг?");
        Assert.That((first.Kind, second.Kind), Is.EqualTo((CommandOutcomeKind.Unanswered, CommandOutcomeKind.Escalated)), "the second miss escalates");

        var groups = (await _harness.Get<UnansweredQuestions>().GroupsAsync(TimeSpan.FromDays(30), CancellationToken.None));

        Assert.That(groups, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(groups[0].Count, Is.EqualTo(2));
            Assert.That(groups[0].Wordings, Is.EquivalentTo(new[] { "Какая погода завтра в Сочи?", "погода в Сочи завтра какая?" }));
            Assert.That(groups[0].Channels, Is.EqualTo(new[] { "webchat" }));
            Assert.That(groups[0].Language, Is.EqualTo("ru"));
            Assert.That(groups[0].NowAnsweredBy, Is.Null);
        });
    }

    [Test]
    public async Task Groups_AskedBeforeTheWindow_AreLeftOut()
    {
        await _harness.SendAsync(ProcessorHarness.Web, "visitor-1", "Какая погода завтра в Сочи?");
        _harness.Time.Advance(TimeSpan.FromDays(31));

        Assert.That((await _harness.Get<UnansweredQuestions>().GroupsAsync(TimeSpan.FromDays(30), CancellationToken.None)), Is.Empty);
    }

    [Test]
    public async Task Groups_OnceAnArticleAnswersThem_NameIt()
    {
        await _harness.SendAsync(ProcessorHarness.Web, "visitor-1", "Какая погода завтра в Сочи?");
        var articles = _harness.Get<ArticleService>();
        await articles.CreateDraftAsync(new ArticleContent("ru", "other", "Погода", ["Какая погода завтра в Сочи?", "Прогноз погоды"], ["погода", "прогноз"],
            "Погоду мы не предсказываем, но связь в Сочи отличная.", "Погоду мы не предсказываем, но **связь в Сочи** отличная."), "anna", "weather-ru", CancellationToken.None);
        await articles.SubmitAsync("weather-ru", "anna", CancellationToken.None);
        await articles.ApproveAsync("weather-ru", "boris", CancellationToken.None);

        var group = (await _harness.Get<UnansweredQuestions>().GroupsAsync(TimeSpan.FromDays(30), CancellationToken.None)).Single();

        Assert.That(group.NowAnsweredBy, Is.EqualTo("weather-ru"));
    }
}
