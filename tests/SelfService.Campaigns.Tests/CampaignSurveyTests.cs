using SelfService.Storage.Campaigns;
using SelfService.Storage.Customers;
using SelfService.Storage.Surveys;

namespace SelfService.Campaigns.Tests;

/// <summary>A campaign whose content is a survey: its first question follows the text, as each channel shows it, and each recipient has a response waiting.</summary>
public sealed class CampaignSurveyTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Test]
    public async Task SurveyCampaign_SmsNumbersTheOptions_TelegramGetsButtons_EachRecipientHasAnOpenResponse()
    {
        await using var harness = await CampaignHarness.StartAsync(subscribers: 2);
        await harness.CreateRunningAsync(c =>
        {
            c.Texts = new() { ["ru"] = "{name}, короткий опрос.", ["en"] = "{name}, a short survey." };
            c.Survey = Survey();
        });
        var finished = harness.RunFinishedAsync("c1");

        await harness.Runner.FireAsync("c1", CampaignHarness.Start, None);
        await harness.RunClockUntilAsync(finished, TimeSpan.FromSeconds(1));

        var outbox = await harness.Storage.Outbox.FindAsync("sms", null, null, 100, None);
        Assert.That(outbox.Single(r => r.Address == CampaignHarness.Number(0)).Text,
            Is.EqualTo("Иван 0, короткий опрос.\n\nЧто для вас важнее?\n1. Цена\n2. Связь\nОтветьте цифрой."));
        Assert.That(outbox.Single(r => r.Address == CampaignHarness.Number(1)).Text,
            Is.EqualTo("John 1, a short survey.\n\nWhat matters more to you?\n1. Price\n2. Network\nReply with the number."));
        var response = (await harness.Storage.Surveys.LatestForAsync("sms", CampaignHarness.Number(1), None))!;
        Assert.That((response.SurveyId, response.State, response.QuestionId, response.Language), Is.EqualTo(("c1", SurveyState.Open, "q1", "en")));
        Assert.That(response.ExpiresAt, Is.EqualTo(response.StartedAt.AddMinutes(60)));
    }

    [Test]
    public async Task SurveyCampaign_OnTelegram_GoesToTheLinkedChatWithButtons_ACustomerWithoutOneIsUnreachable()
    {
        await using var harness = await CampaignHarness.StartAsync(subscribers: 2);
        await harness.Storage.Customers.SaveAsync([new Customer
        {
            Id = "k0", Msisdn = CampaignHarness.Number(0), Identities = [new ChannelIdentity { Channel = "telegram", Address = "700111", LinkedAt = CampaignHarness.Start }],
        }], None);
        await harness.CreateRunningAsync(c =>
        {
            c.Channel = "telegram";
            c.Texts = new() { ["ru"] = "Опрос." };
            c.Survey = Survey();
        });
        var finished = harness.RunFinishedAsync("c1");

        await harness.Runner.FireAsync("c1", CampaignHarness.Start, None);
        await harness.RunClockUntilAsync(finished, TimeSpan.FromSeconds(1));

        var sent = (await harness.Storage.Outbox.FindAsync("telegram", null, null, 100, None)).Single();
        Assert.That((sent.Address, sent.Text), Is.EqualTo(("700111", "Опрос.\n\nЧто для вас важнее?")));
        Assert.That(sent.Choices, Is.EqualTo(new[] { "Цена", "Связь" }));
        Assert.That((await harness.Storage.Surveys.LatestForAsync("telegram", "700111", None))!.Msisdn, Is.EqualTo(CampaignHarness.Number(0)));
        var progress = await harness.Storage.Campaigns.ProgressAsync("c1", CampaignRun.KeyOf(CampaignHarness.Start), None);
        Assert.That((progress.HandedOver, progress.Unreachable), Is.EqualTo((1, 1)), "no chat linked: unreachable, not sent by SMS");
    }

    internal static SurveyDefinition Survey() => new()
    {
        ExpiresAfterMinutes = 60,
        Questions =
        [
            new SurveyQuestion
            {
                Id = "q1", Kind = QuestionKind.Choice, Texts = new() { ["ru"] = "Что для вас важнее?", ["en"] = "What matters more to you?" },
                Options =
                [
                    new SurveyOption { Value = "price", Labels = new() { ["ru"] = "Цена", ["en"] = "Price" } },
                    new SurveyOption { Value = "network", Labels = new() { ["ru"] = "Связь", ["en"] = "Network" } },
                ],
            },
            new SurveyQuestion { Id = "q2", Kind = QuestionKind.YesNo, Texts = new() { ["ru"] = "Порекомендуете нас?", ["en"] = "Would you recommend us?" } },
        ],
    };
}
