using SelfService.Storage.Campaigns;
using SelfService.Storage.Provisioning;

namespace SelfService.Campaigns.Tests;

/// <summary>
/// Triggers relative to a date per customer, on the fake clock: "three days before ROAMING renews, at 10:00 their time".
/// The harness's subscribers 0 and 3 activated roaming on 3 December 2026 at 13:00 Moscow time, so it renews on the 3rd
/// of each month, and they are due on the 31st (then 31 January) at 10:00 Moscow time, 07:00 UTC.
/// </summary>
public sealed class RelativeTriggerTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset DueDecember = new(2026, 12, 31, 7, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task HourlyFires_SendEachCustomerOnce_WhenTheirOccasionIsDue_AndAgainForTheNextRenewal()
    {
        await using var harness = await CampaignHarness.StartAsync(subscribers: 6);
        await CreateAsync(harness);

        Assert.That(await FireAsync(harness, DueDecember.AddHours(-1)), Is.Empty, "an hour early: nobody is due");
        var due = await FireAsync(harness, DueDecember);
        Assert.That(due.Select(r => r.Address).Order(), Is.EqualTo(new[] { CampaignHarness.Number(0), CampaignHarness.Number(3) }));
        Assert.That(due.Single(r => r.Address == CampaignHarness.Number(0)).Text, Is.EqualTo("Иван 0, роуминг продлится 03.01.2027"));
        Assert.That(due.Single(r => r.Address == CampaignHarness.Number(3)).Text, Is.EqualTo("John 3, roaming renews on 03.01.2027"));

        // The next hours' fires (and a restart's) see the same occasion: its due row is there, nobody gets it twice.
        Assert.That(await FireAsync(harness, DueDecember.AddHours(1)), Is.Empty);
        await harness.RestartAsync();
        Assert.That(await FireAsync(harness, DueDecember.AddHours(5)), Is.Empty);

        var january = await FireAsync(harness, new DateTimeOffset(2027, 1, 31, 7, 0, 0, TimeSpan.Zero));
        Assert.That(january.Select(r => r.Text).Order(), Is.EqualTo(new[] { "John 3, roaming renews on 03.02.2027", "Иван 0, роуминг продлится 03.02.2027" }));
        Assert.That((await harness.Storage.Campaigns.GetAsync("c1", None))!.State, Is.EqualTo(CampaignState.Scheduled), "a relative campaign waits for its next fire");
    }

    [Test]
    public async Task AFireMissedWhileDown_IsCaughtUpWithinTheLookback_NotAfterIt()
    {
        await using var harness = await CampaignHarness.StartAsync(subscribers: 6);
        harness.Options.RelativeLookback = TimeSpan.FromHours(12);
        await CreateAsync(harness);

        Assert.That(await FireAsync(harness, DueDecember.AddHours(11)), Has.Count.EqualTo(2), "down from 07:00 to 18:00: still sent");
        Assert.That(await FireAsync(harness, new DateTimeOffset(2027, 1, 31, 19, 0, 0, TimeSpan.Zero)), Is.Empty, "12 hours late: the occasion has passed");
    }

    [TestCase(-3, "10:00", "2026-12-31T07:00:00+00:00")]
    [TestCase(0, "09:30", "2027-01-03T06:30:00+00:00")]
    [TestCase(7, "12:00", "2027-01-10T09:00:00+00:00")]
    public void DueAt_IsTheRenewalMovedByTheOffset_AtTheDeliveryTimeInTheirZone(int offsetDays, string deliverAt, string expected)
    {
        var trigger = new CampaignTrigger { Kind = TriggerKind.Relative, RelativeTo = RelativeDateKind.ServiceRenewal, Service = "ROAMING", OffsetDays = offsetDays, DeliverAt = deliverAt };
        var moscow = RecipientClock.FindZone("Europe/Moscow")!;
        var due = DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);

        var found = RelativeDates.DueAt(trigger, CampaignHarness.Subscriber(0), moscow, due, TimeSpan.FromHours(1));

        Assert.That(found?.Due, Is.EqualTo(due));
        Assert.That(RelativeDates.DueAt(trigger, CampaignHarness.Subscriber(0), moscow, due.AddMinutes(-1), TimeSpan.FromHours(1)), Is.Null);
        Assert.That(RelativeDates.DueAt(trigger, CampaignHarness.Subscriber(1), moscow, due, TimeSpan.FromHours(1)), Is.Null, "no roaming, no date");
    }

    [Test]
    public void Rules_ARelativeTriggerNeedsItsServiceOffsetAndTime()
    {
        var rules = new CampaignRules(Microsoft.Extensions.Options.Options.Create(new CampaignOptions()), new SelfService.Pipeline.ChannelRegistry([]), ["PROMO"], CampaignHarness.Prompts);
        var draft = new CampaignDraft("Renewal", "PROMO", "sms", new() { ["ru"] = "{name}, продление {date}" }, "ru", null,
            new CampaignTrigger { Kind = TriggerKind.Relative, OffsetDays = -400, DeliverAt = "25:00" }, null, null, null, null);

        var (_, problems) = rules.Check(draft, "c1", "olga", CampaignHarness.Start);

        Assert.That(problems, Is.EqualTo(new[]
        {
            "trigger.service: the service whose date the campaign is timed against, such as \"ROAMING\".",
            "trigger.offsetDays: from -366 to 366 (negative: before the date).",
            "trigger.deliverAt: the time of day, HH:mm, in the recipient's time zone.",
        }));
    }

    private static Task CreateAsync(CampaignHarness harness) => harness.CreateRunningAsync(c =>
    {
        c.Trigger = new CampaignTrigger { Kind = TriggerKind.Relative, RelativeTo = RelativeDateKind.ServiceRenewal, Service = "ROAMING", OffsetDays = -3, DeliverAt = "10:00" };
        c.Texts = new() { ["ru"] = "{name}, роуминг продлится {date}", ["en"] = "{name}, roaming renews on {date}" };
    });

    /// <summary>The clock moved to the fire's time, the fire run to its end; what it handed to the outbox.</summary>
    private static async Task<List<Storage.Messages.OutboxRecord>> FireAsync(CampaignHarness harness, DateTimeOffset at)
    {
        harness.Time.SetUtcNow(at);
        var before = (await harness.Storage.Outbox.FindAsync("sms", null, null, 1000, None)).Select(r => r.Id).ToHashSet();
        var finished = harness.RunFinishedAsync("c1");
        await harness.Runner.FireAsync("c1", at, None);
        await harness.RunClockUntilAsync(finished, TimeSpan.FromSeconds(1));
        return [.. (await harness.Storage.Outbox.FindAsync("sms", null, null, 1000, None)).Where(r => !before.Contains(r.Id))];
    }
}
