using SelfService.Storage.Campaigns;
using SelfService.Storage.Customers;
using SelfService.Storage.Messages;

namespace SelfService.Campaigns.Tests;

public sealed class CampaignRunnerTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Test]
    public async Task Run_Segment_HandsEachRecipientOver_InTheirLanguage_SkippingThoseWhoStopped()
    {
        await using var harness = await CampaignHarness.StartAsync(subscribers: 6);
        await harness.CreateRunningAsync();
        // Stopped everything; stopped this campaign's topic; stopped another topic only.
        await harness.Storage.OptOuts.ApplyAsync(new OptOutChange { Id = "m1", Msisdn = CampaignHarness.Number(1), Topic = OptOutChange.AllTopics, OptedOut = true }, None);
        await harness.Storage.OptOuts.ApplyAsync(new OptOutChange { Id = "m2", Msisdn = CampaignHarness.Number(2), Topic = "PROMO", OptedOut = true }, None);
        await harness.Storage.OptOuts.ApplyAsync(new OptOutChange { Id = "m3", Msisdn = CampaignHarness.Number(3), Topic = "NEWS", OptedOut = true }, None);
        // The profile's older flag counts too.
        await harness.Storage.Customers.SaveAsync([new Customer { Id = "k4", Msisdn = CampaignHarness.Number(4), AcceptsCampaigns = false }], None);
        var finished = harness.RunFinishedAsync("c1");

        await harness.Runner.FireAsync("c1", CampaignHarness.Start, None);
        await harness.RunClockUntilAsync(finished, TimeSpan.FromSeconds(1));

        var outbox = await harness.Storage.Outbox.FindAsync("sms", null, null, 100, None);
        Assert.That(outbox.Select(r => r.Address).Order(), Is.EqualTo(new[] { CampaignHarness.Number(0), CampaignHarness.Number(3), CampaignHarness.Number(5) }));
        Assert.That(outbox.Single(r => r.Address == CampaignHarness.Number(0)).Text, Is.EqualTo("Иван 0, ваш баланс 100,00 RUB"));
        Assert.That(outbox.Single(r => r.Address == CampaignHarness.Number(5)).Text, Is.EqualTo("John 5, your balance is 105.00 RUB"));
        var run = CampaignRun.KeyOf(CampaignHarness.Start);
        var progress = await harness.Storage.Campaigns.ProgressAsync("c1", run, None);
        Assert.That((progress.Recipients, progress.HandedOver, progress.OptedOut, progress.Pending), Is.EqualTo((6, 3, 3, 0)));
        Assert.That((await harness.Storage.Campaigns.GetAsync("c1", None))!.State, Is.EqualTo(CampaignState.Done));
    }

    [Test]
    public async Task Run_SegmentFilters_TariffAndService()
    {
        await using var harness = await CampaignHarness.StartAsync(subscribers: 12);
        await harness.CreateRunningAsync(c =>
        {
            c.Audience = new CampaignAudience { Kind = AudienceKind.Segment, Tariffs = ["BASIC"], Services = ["ROAMING"] };
            c.Texts["ru"] = "{name}: {service}";
        });
        var finished = harness.RunFinishedAsync("c1");

        await harness.Runner.FireAsync("c1", CampaignHarness.Start, None);
        await harness.RunClockUntilAsync(finished, TimeSpan.FromSeconds(1));

        var outbox = await harness.Storage.Outbox.FindAsync("sms", null, null, 100, None);
        // BASIC: even numbers; roaming: every third. Both: 0 and 6.
        Assert.That(outbox.Select(r => r.Text).Order(), Is.EqualTo(new[] { "Иван 0: Роуминг", "Иван 6: Роуминг" }));
    }

    [Test]
    public async Task Pace_CountsSmsParts_NotMessages()
    {
        await using var harness = await CampaignHarness.StartAsync(subscribers: 4);
        // 2 parts a second; the Russian text is UCS-2 and takes 2 parts (over 70 characters), the English one 1 part.
        await harness.CreateRunningAsync(c => c.Texts = new()
        {
            ["ru"] = "{name}, " + new string('ж', 80),
            ["en"] = "{name}, short",
        });
        var finished = harness.RunFinishedAsync("c1");

        await harness.Runner.FireAsync("c1", CampaignHarness.Start, None);
        await harness.RunClockUntilAsync(finished, TimeSpan.FromMilliseconds(100));

        var recipients = await RecipientsAsync(harness, "c1");
        Assert.That(recipients.Select(r => r.Parts), Is.EqualTo(new[] { 2, 1, 2, 1 }));
        // Each message waits for the parts of the one before it: 2 parts = 1 s, 1 part = 0.5 s at 2 parts a second, less
        // what a sender that fell behind may catch up. Counting messages, every gap would be 0.5 s.
        var gaps = recipients.Zip(recipients.Skip(1), (a, b) => (b.HandedOverAt!.Value - a.HandedOverAt!.Value).TotalSeconds).ToList();
        var slack = PartsPacer.CatchUp.TotalSeconds;
        Assert.That(gaps[0], Is.GreaterThanOrEqualTo(1.0 - slack));
        Assert.That(gaps[1], Is.GreaterThanOrEqualTo(0.5 - slack));
        Assert.That(gaps[2], Is.GreaterThanOrEqualTo(1.0 - slack));
        var span = (recipients[^1].HandedOverAt!.Value - recipients[0].HandedOverAt!.Value).TotalSeconds;
        TestContext.Out.WriteLine($"campaign pace: {recipients.Take(3).Sum(r => r.Parts)} parts in {span:0.0} s on the test clock, configured 2 parts/s");
    }

    [Test]
    public async Task QuietHours_InTheRecipientsZone_WaitUntilMorning()
    {
        await using var harness = await CampaignHarness.StartAsync(subscribers: 2);
        // 19:00 UTC is 22:00 in Moscow: quiet until 09:00 Moscow, 06:00 UTC.
        harness.Time.SetUtcNow(new DateTimeOffset(2026, 12, 3, 19, 0, 0, TimeSpan.Zero));
        await harness.CreateRunningAsync(c => c.QuietHours = new QuietHours { StartMinute = 21 * 60, EndMinute = 9 * 60 });
        var finished = harness.RunFinishedAsync("c1");

        await harness.Runner.FireAsync("c1", CampaignHarness.Start, None);
        await harness.RunClockUntilAsync(finished, TimeSpan.FromMinutes(10));

        var recipients = await RecipientsAsync(harness, "c1");
        Assert.That(recipients, Has.Count.EqualTo(2));
        Assert.That(recipients.Select(r => r.HandedOverAt!.Value), Has.All.GreaterThanOrEqualTo(new DateTimeOffset(2026, 12, 4, 6, 0, 0, TimeSpan.Zero)));
    }

    [Test]
    public async Task Pause_StopsAtTheNextRecipient_ResumeGoesOn_NothingTwice()
    {
        await using var harness = await CampaignHarness.StartAsync(subscribers: 6);
        await harness.CreateRunningAsync(c => c.PartsPerSecond = 1);
        var manager = Manager(harness);
        var finished = harness.RunFinishedAsync("c1");
        await harness.Runner.FireAsync("c1", CampaignHarness.Start, None);
        await harness.RunClockUntilAsync(HandedOverAsync(harness, 2), TimeSpan.FromMilliseconds(250));

        Assert.That((await manager.PauseAsync("c1", None)).Refusal, Is.Null);
        await harness.Runner.Working("c1")!.WaitAsync(TimeSpan.FromSeconds(30));
        var whilePaused = (await RecipientsAsync(harness, "c1")).Count(r => r.State == RecipientState.HandedOver);
        harness.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.That((await RecipientsAsync(harness, "c1")).Count(r => r.State == RecipientState.HandedOver), Is.EqualTo(whilePaused));
        Assert.That(whilePaused, Is.LessThan(6));

        Assert.That((await manager.ResumeAsync("c1", None)).Campaign!.State, Is.EqualTo(CampaignState.Running));
        await harness.RunClockUntilAsync(finished, TimeSpan.FromMilliseconds(250));

        var outbox = await harness.Storage.Outbox.FindAsync("sms", null, null, 100, None);
        Assert.That(outbox.Select(r => r.Address).Distinct().Count(), Is.EqualTo(6));
        Assert.That(outbox, Has.Count.EqualTo(6));
    }

    [Test]
    public async Task Cancel_MidRun_LeavesTheRestCancelled()
    {
        await using var harness = await CampaignHarness.StartAsync(subscribers: 6);
        await harness.CreateRunningAsync(c => c.PartsPerSecond = 1);
        var finished = harness.RunFinishedAsync("c1");
        await harness.Runner.FireAsync("c1", CampaignHarness.Start, None);
        await harness.RunClockUntilAsync(HandedOverAsync(harness, 2), TimeSpan.FromMilliseconds(250));

        await Manager(harness).CancelAsync("c1", None);
        await harness.RunClockUntilAsync(harness.Runner.Working("c1")!, TimeSpan.FromMilliseconds(250));

        var progress = await harness.Storage.Campaigns.ProgressAsync("c1", CampaignRun.KeyOf(CampaignHarness.Start), None);
        Assert.That(progress.Pending, Is.Zero);
        Assert.That(progress.HandedOver + progress.Cancelled, Is.EqualTo(6));
        Assert.That(progress.Cancelled, Is.GreaterThan(0));
        Assert.That((await harness.Storage.Outbox.FindAsync("sms", null, null, 100, None)), Has.Count.EqualTo(progress.HandedOver));
    }

    [Test]
    public async Task Restart_MidRun_GoesOnWithThePending_AndHandsNobodyOverTwice()
    {
        await using var harness = await CampaignHarness.StartAsync(subscribers: 8);
        await harness.CreateRunningAsync(c => c.PartsPerSecond = 1);
        await harness.Runner.FireAsync("c1", CampaignHarness.Start, None);
        await harness.RunClockUntilAsync(HandedOverAsync(harness, 3), TimeSpan.FromMilliseconds(250));
        var before = (await RecipientsAsync(harness, "c1")).Where(r => r.State == RecipientState.HandedOver).ToDictionary(r => r.Msisdn, r => r.HandedOverAt);

        await harness.RestartAsync();
        var finished = harness.RunFinishedAsync("c1");
        await harness.RunClockUntilAsync(finished, TimeSpan.FromMilliseconds(250));

        var after = await RecipientsAsync(harness, "c1");
        Assert.That(after.Count(r => r.State == RecipientState.HandedOver), Is.EqualTo(8));
        foreach (var (msisdn, at) in before)
            Assert.That(after.Single(r => r.Msisdn == msisdn).HandedOverAt, Is.EqualTo(at), "handed over before the restart, not again");
        Assert.That(await harness.Storage.Outbox.FindAsync("sms", null, null, 100, None), Has.Count.EqualTo(8));
        Assert.That((await harness.Storage.Campaigns.GetAsync("c1", None))!.State, Is.EqualTo(CampaignState.Done));
    }

    [Test]
    public async Task Fire_TwiceForOneTime_IsOneRun()
    {
        await using var harness = await CampaignHarness.StartAsync(subscribers: 2);
        await harness.CreateRunningAsync();
        var finished = harness.RunFinishedAsync("c1");

        await harness.Runner.FireAsync("c1", CampaignHarness.Start, None);
        await harness.Runner.FireAsync("c1", CampaignHarness.Start, None);
        await harness.RunClockUntilAsync(finished, TimeSpan.FromSeconds(1));

        Assert.That(await harness.Storage.Outbox.FindAsync("sms", null, null, 100, None), Has.Count.EqualTo(2));
    }

    private static CampaignManager Manager(CampaignHarness harness) => harness.Manager;

    private static async Task<List<CampaignRecipient>> RecipientsAsync(CampaignHarness harness, string campaignId) =>
        [.. await harness.Storage.Campaigns.RecipientsAsync(campaignId, CampaignRun.KeyOf(CampaignHarness.Start), -1, 10_000, None)];

    /// <summary>Completes when <paramref name="count"/> recipients have been handed over, as the store says.</summary>
    private static async Task HandedOverAsync(CampaignHarness harness, int count)
    {
        while ((await RecipientsAsync(harness, "c1")).Count(r => r.State == RecipientState.HandedOver) < count) await Task.Delay(1);
    }
}
