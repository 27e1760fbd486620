using Microsoft.Extensions.Options;
using SelfService.Messaging;
using SelfService.Pipeline;
using SelfService.Storage.Campaigns;

namespace SelfService.Campaigns.Tests;

public sealed class CampaignRulesTests
{
    private static readonly CampaignRules Rules = new(Options.Create(new CampaignOptions { MaxSmsParts = 3 }), new ChannelRegistry([]), ["PROMO", "NEWS"], CampaignHarness.Prompts);
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    private static CampaignDraft Draft(CampaignTrigger? trigger = null, Dictionary<string, string>? texts = null, string? timeZone = null,
        string? quietFrom = null, string? quietUntil = null, double? rate = null, string topic = "PROMO") =>
        new("Winter offer", topic, "sms", texts ?? new() { ["ru"] = "{name}, скидка", ["en"] = "{name}, a discount" }, "ru", null, trigger, rate,
            quietFrom, quietUntil, timeZone);

    [Test]
    public void Check_AGoodDraft_IsADraftCampaign()
    {
        var (campaign, problems) = Rules.Check(Draft(new CampaignTrigger { Kind = TriggerKind.Cron, Cron = "0 0 10 ? * MON" }, quietFrom: "21:00", quietUntil: "09:00"),
            "c1", "olga", Now);

        Assert.That(problems, Is.Empty);
        Assert.That(campaign!.State, Is.EqualTo(CampaignState.Draft));
        Assert.That(campaign.QuietHours!.StartMinute, Is.EqualTo(21 * 60));
        Assert.That(campaign.TimeZone, Is.EqualTo("Europe/Moscow"));
        Assert.That(campaign.PartsPerSecond, Is.EqualTo(new CampaignOptions().DefaultPartsPerSecond));
    }

    [TestCase("every monday", "is not a Quartz cron expression")]
    [TestCase("0 0 25 * * ?", "is not a Quartz cron expression")]
    [TestCase("", "required for a cron trigger")]
    [TestCase("0 0 10 1 1 ? 2020", "never fires again")]
    public void Check_BadCron_SaysWhy(string cron, string problem)
    {
        var (campaign, problems) = Rules.Check(Draft(new CampaignTrigger { Kind = TriggerKind.Cron, Cron = cron }), "c1", "olga", Now);

        Assert.That(campaign, Is.Null);
        Assert.That(problems, Has.Some.StartsWith("trigger.cron").And.Some.Contains(problem));
    }

    [Test]
    public void Check_EverythingWrong_SaysEachThing()
    {
        var (_, problems) = Rules.Check(Draft(texts: new() { ["ru"] = new string('ж', 300) + " {nick}" }, timeZone: "Mars/Olympus", quietFrom: "25:00",
            rate: 0, topic: "LOTTERY"), "c1", "olga", Now);

        Assert.That(problems, Has.Some.StartsWith("topic:"));
        Assert.That(problems, Has.Some.StartsWith("timeZone:").And.Some.Contains("Mars/Olympus"));
        Assert.That(problems, Has.Some.StartsWith("quietFrom"));
        Assert.That(problems, Has.Some.StartsWith("partsPerSecond:"));
        Assert.That(problems, Has.Some.Contains("takes 5 SMS parts at its longest; at most 3"));
        Assert.That(problems, Has.Some.Contains("unknown placeholder {nick}"));
    }

    [Test]
    public void Preview_CountsPartsWithPlaceholdersAtTheirLongest()
    {
        var profile = new ChannelProfile("sms", ReplyForm.Short, 1, SenderIsMsisdn: true);

        var russian = CampaignText.Preview("{name}, ваш баланс {balance}", profile);

        // "{name}" becomes 30 letters, "{balance}" 14 characters: 30 + 13 + 14 = 57 UCS-2 characters, one part.
        Assert.That(russian, Is.EqualTo(new TextPreview(57, "Ucs2", 1)));
        Assert.That(CampaignText.Preview("{name}" + new string('ж', 50), profile).Parts, Is.EqualTo(2));
    }

    [Test]
    public void Check_ASurvey_IsCheckedAndItsFirstQuestionCountsInTheParts()
    {
        var broken = CampaignSurveyTests.Survey();
        broken.Questions[0].Next = "q9";
        var (none, problems) = Rules.Check(Draft() with { Survey = broken }, "c1", "olga", Now);
        Assert.That(none, Is.Null);
        Assert.That(problems, Is.EqualTo(new[] { "survey.questions[0]: jumps to \"q9\", which is no question of this survey." }));

        // 60 Cyrillic characters fit one UCS-2 part; the numbered question after them does not.
        var text = new string('ж', 60);
        var (campaign, _) = Rules.Check(Draft(texts: new() { ["ru"] = text }) with { Survey = CampaignSurveyTests.Survey() }, "c1", "olga", Now);
        Assert.That(campaign!.Survey!.Questions, Has.Count.EqualTo(2));
        var first = CampaignHarness.Prompts.Ask(campaign.Survey.Questions[0], "ru", "sms", text).Short;
        Assert.That(CampaignText.Preview(first, new ChannelRegistry([]).ProfileOf("sms")).Parts, Is.EqualTo(2));
    }
}
