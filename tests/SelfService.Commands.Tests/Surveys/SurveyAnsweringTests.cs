using SelfService.Commands.Surveys;
using SelfService.Commands.Texts;
using SelfService.Messaging;
using SelfService.Storage.History;
using SelfService.Storage.Surveys;

namespace SelfService.Commands.Tests.Surveys;

/// <summary>
/// Answers to a survey sent to a number, through the command processor: typed answers, skip logic, an invalid answer asked
/// again at most twice, commands during a survey, and a late answer to an expired survey.
/// </summary>
public class SurveyAnsweringTests
{
    private const string Ivan = "+79161234567";
    private ProcessorHarness _harness = null!;

    [SetUp]
    public async Task Start() => _harness = await ProcessorHarness.StartAsync();

    [TearDown]
    public void Stop() => _harness.Dispose();

    private ISurveyStore Surveys => _harness.Get<ISurveyStore>();

    [Test]
    public async Task LowScore_AsksWhy_InvalidAnswersAskedAgainTwice_ThenTheQuestionIsGivenUp_AndTheSurveyGoesOn()
    {
        await SendSurveyAsync();

        var why = await _harness.SendAsync(ProcessorHarness.Sms, Ivan, "2");
        Assert.That(why.Replies.Single().Reply.Short, Is.EqualTo("Что не понравилось?\n1. Цена\n2. Связь\nОтветьте цифрой."));
        var again = await _harness.SendAsync(ProcessorHarness.Sms, Ivan, "7");
        Assert.That(again.Kind, Is.EqualTo(CommandOutcomeKind.Invalid));
        Assert.That(again.Replies.Single().Reply.Short, Does.StartWith("Не удалось понять ответ.\n\nЧто не понравилось?\n1. Цена"));
        Assert.That((await _harness.SendAsync(ProcessorHarness.Sms, Ivan, "не знаю")).Replies.Single().Reply.Short, Does.StartWith("Не удалось понять ответ."));
        var skipped = await _harness.ReplyAsync(ProcessorHarness.Sms, Ivan, "всё");
        Assert.That(skipped, Is.EqualTo("Пропустим этот вопрос.\n\nЧто нам улучшить?\nОтветьте сообщением."), "the third invalid answer is not asked again");
        Assert.That(await _harness.ReplyAsync(ProcessorHarness.Sms, Ivan, "Покрытие за городом"), Is.EqualTo("Спасибо за ответы!"));

        var stored = (await Surveys.GetAsync("c1|r|" + Ivan, CancellationToken.None))!;
        Assert.That(stored.State, Is.EqualTo(SurveyState.Completed));
        Assert.That(stored.Answers.Select(a => (a.QuestionId, a.Value)), Is.EqualTo(new (string, string?)[] { ("score", "2"), ("why", null), ("improve", "Покрытие за городом") }));
        var timeline = await _harness.Get<IHistoryStore>().ForIdentityAsync(ChannelNames.Sms, Ivan, 50, CancellationToken.None);
        Assert.That(timeline.Where(e => e.Kind == HistoryKind.Action && e.Subject == "survey:c1").Select(e => e.Text),
            Is.EqualTo(new[] { "Оцените нас от 1 до 5 — 2", "Что не понравилось? — —", "Что нам улучшить? — Покрытие за городом" }));
    }

    [Test]
    public async Task HighScore_JumpsToTheEnd()
    {
        await SendSurveyAsync();

        Assert.That(await _harness.ReplyAsync(ProcessorHarness.Sms, Ivan, "5"), Is.EqualTo("Спасибо за ответы!"));
        Assert.That((await Surveys.GetAsync("c1|r|" + Ivan, CancellationToken.None))!.Answers.Select(a => a.QuestionId), Is.EqualTo(new[] { "score" }));
        Assert.That(await _harness.ReplyAsync(ProcessorHarness.Sms, Ivan, "1"), Does.Not.StartWith("Спасибо"), "a completed survey takes no more answers");
    }

    [Test]
    public async Task CommandDuringASurvey_RunsAsUsual_AndTheQuestionKeepsWaiting_StopAlwaysStops()
    {
        await SendSurveyAsync();

        Assert.That(await _harness.ReplyAsync(ProcessorHarness.Sms, Ivan, "BAL"), Does.StartWith("Баланс: 350,00 RUB"));
        Assert.That(await _harness.ReplyAsync(ProcessorHarness.Sms, Ivan, "СТОП"), Does.StartWith("Вы отписаны"));
        var stored = (await Surveys.GetAsync("c1|r|" + Ivan, CancellationToken.None))!;
        Assert.That((stored.State, stored.QuestionId, stored.InvalidAnswers), Is.EqualTo((SurveyState.Open, "score", 0)));
    }

    [Test]
    public async Task LateAnswer_ToAnExpiredSurvey_IsToldOnceThatItClosed_ThenMessagesAreMessages()
    {
        await SendSurveyAsync();
        _harness.Time.Advance(TimeSpan.FromHours(25));

        var late = await _harness.SendAsync(ProcessorHarness.Sms, Ivan, "4");
        Assert.That(late.Replies.Single().Reply.Short, Is.EqualTo("Спасибо, но опрос уже закрыт: ответы принимались до 26.11.2026 09:00 UTC."));
        Assert.That(await _harness.ReplyAsync(ProcessorHarness.Sms, Ivan, "4"), Does.Not.Contain("опрос"), "told once");
        var stored = (await Surveys.GetAsync("c1|r|" + Ivan, CancellationToken.None))!;
        Assert.That((stored.State, stored.Answers.Count), Is.EqualTo((SurveyState.Expired, 0)));
    }

    [Test]
    public async Task ExpiredSurvey_AMessageThatIsNoAnswer_IsAnsweredAsUsual()
    {
        await SendSurveyAsync();
        _harness.Time.Advance(TimeSpan.FromDays(2));

        Assert.That(await _harness.ReplyAsync(ProcessorHarness.Sms, Ivan, "BAL"), Does.StartWith("Баланс: 350,00 RUB"));
        Assert.That((await Surveys.GetAsync("c1|r|" + Ivan, CancellationToken.None))!.State, Is.EqualTo(SurveyState.Expired));
    }

    private Task SendSurveyAsync()
    {
        var now = _harness.Time.GetUtcNow();
        return Surveys.StartAsync(new SurveyResponse
        {
            Id = "c1|r|" + Ivan, SurveyId = "c1", Run = "r", Channel = ChannelNames.Sms, Address = Ivan, Msisdn = Ivan, Language = "ru",
            Survey = Survey(), State = SurveyState.Open, QuestionId = "score", StartedAt = now, ExpiresAt = now.AddDays(1), UpdatedAt = now,
        }, CancellationToken.None);
    }

    internal static SurveyDefinition Survey() => new()
    {
        Questions =
        [
            new SurveyQuestion
            {
                Id = "score", Kind = QuestionKind.Score5, Texts = new() { ["ru"] = "Оцените нас от 1 до 5", ["en"] = "Rate us from 1 to 5" },
                Jumps = [new SurveyJump { Answers = ["4", "5"], GoTo = SurveyJump.End }],
            },
            new SurveyQuestion
            {
                Id = "why", Kind = QuestionKind.Choice, Texts = new() { ["ru"] = "Что не понравилось?", ["en"] = "What did you not like?" },
                Options =
                [
                    new SurveyOption { Value = "price", Labels = new() { ["ru"] = "Цена", ["en"] = "Price" } },
                    new SurveyOption { Value = "network", Labels = new() { ["ru"] = "Связь", ["en"] = "Network" } },
                ],
            },
            new SurveyQuestion { Id = "improve", Kind = QuestionKind.FreeText, Texts = new() { ["ru"] = "Что нам улучшить?", ["en"] = "What should we improve?" } },
        ],
    };
}
