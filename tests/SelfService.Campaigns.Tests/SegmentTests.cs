using SelfService.Storage.Campaigns;
using SelfService.Storage.Customers;
using SelfService.Storage.History;
using SelfService.Storage.Surveys;

namespace SelfService.Campaigns.Tests;

/// <summary>Segments by what the gateway knows of the customer beyond the subscriber record: when they last wrote, and how they answered a survey.</summary>
public sealed class SegmentTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset Start = CampaignHarness.Start;

    [Test]
    public async Task LastContact_AfterHoldsThoseWhoWroteSince_BeforeHoldsTheOthersAndThoseWhoNeverWrote()
    {
        await using var harness = await CampaignHarness.StartAsync(subscribers: 4);
        // 0 wrote ten days ago, 1 yesterday (and was sent a campaign message today: no contact from them), 2 and 3 never.
        await harness.Storage.Customers.SaveAsync([Customer(0), Customer(1), Customer(2)], None);
        await harness.Storage.History.RecordAsync([
            Line("a", 0, Start.AddDays(-10)), Line("b", 1, Start.AddDays(-1)), Line("c", 1, Start, HistoryKind.Outbound),
        ], None);

        Assert.That(await SizeAsync(harness, new CampaignAudience { LastContactAfter = Start.AddDays(-3) }), Is.EqualTo(1));
        Assert.That(await SizeAsync(harness, new CampaignAudience { LastContactBefore = Start.AddDays(-3) }), Is.EqualTo(3));
        Assert.That(await SizeAsync(harness, new CampaignAudience { LastContactAfter = Start.AddDays(-30), LastContactBefore = Start.AddDays(-3) }), Is.EqualTo(1));
    }

    [Test]
    public async Task AnsweredSurvey_HoldsThoseWhoGaveOneOfTheValues_OrAnyAnswer_NotThoseGivenUpOn()
    {
        await using var harness = await CampaignHarness.StartAsync(subscribers: 4);
        await harness.CreateRunningAsync(c => (c.Id, c.State, c.Survey) = ("s1", CampaignState.Done, new SurveyDefinition
        {
            Questions = [new SurveyQuestion { Id = "score", Kind = QuestionKind.Score5, Texts = new() { ["ru"] = "Оцените" } }],
        }));
        await harness.Storage.Surveys.StartAsync(Response(0, "5"), None);
        await harness.Storage.Surveys.StartAsync(Response(1, "2"), None);
        await harness.Storage.Surveys.StartAsync(Response(2, null), None);

        Assert.That(await SizeAsync(harness, Answered("s1", "score", "4", "5")), Is.EqualTo(1));
        Assert.That(await SizeAsync(harness, Answered("s1", "score")), Is.EqualTo(2), "no values: any answer");
        Assert.That(await SizeAsync(harness, Answered("s1", "score", "1")), Is.Zero);

        var (_, unknownQuestion) = await harness.Manager.AudienceSizeAsync(Answered("s1", "why"), null, int.MaxValue, None);
        Assert.That(unknownQuestion, Is.EqualTo("audience.answeredSurvey: the survey has no question \"why\"; it has score."));
        var (_, unknownSurvey) = await harness.Manager.AudienceSizeAsync(Answered("nope", "score"), null, int.MaxValue, None);
        Assert.That(unknownSurvey, Is.EqualTo("audience.answeredSurvey: there is no survey campaign \"nope\"."));
    }

    private static async Task<int?> SizeAsync(CampaignHarness harness, CampaignAudience audience) =>
        (await harness.Manager.AudienceSizeAsync(audience, null, int.MaxValue, None)).Size;

    private static CampaignAudience Answered(string surveyId, string questionId, params string[] values) =>
        new() { AnsweredSurvey = new SurveyAnswerFilter { SurveyId = surveyId, QuestionId = questionId, Values = [.. values] } };

    private static Customer Customer(int i) => new() { Id = "c" + i, Msisdn = CampaignHarness.Number(i), CreatedAt = Start.AddDays(-60) };

    private static HistoryEntry Line(string id, int i, DateTimeOffset at, HistoryKind kind = HistoryKind.Inbound) =>
        new() { Id = id, CustomerId = "c" + i, Channel = "sms", Address = CampaignHarness.Number(i), Kind = kind, Text = id, At = at };

    private static SurveyResponse Response(int i, string? value) => new()
    {
        Id = "s1|r|" + CampaignHarness.Number(i), SurveyId = "s1", Run = "r", Channel = "sms", Address = CampaignHarness.Number(i), Msisdn = CampaignHarness.Number(i),
        Language = "ru", State = SurveyState.Completed, StartedAt = Start, ExpiresAt = Start.AddDays(1), UpdatedAt = Start,
        Answers = [new SurveyAnswer { QuestionId = "score", Value = value, Text = value ?? "?", At = Start }],
    };
}
