using SelfService.Storage.Campaigns;
using SelfService.Storage.Messages;
using SelfService.Storage.Provisioning;

namespace SelfService.Storage.Contract.Campaigns;

/// <summary>
/// Campaigns, their recipients (one due row each, idempotent), the uploaded numbers, opt-outs with their trail, and the
/// subscribers a segment is chosen from.
/// </summary>
public abstract class CampaignContract : StorageContract
{
    private IGatewayStorage Campaigns => Store;

    [Test]
    public async Task Create_KeepsEveryField_AndRefusesTheSameIdTwice()
    {
        var campaign = NewCampaign("c1");
        Assert.That(await Campaigns.Campaigns.CreateAsync(campaign, None), Is.True);
        Assert.That(await Campaigns.Campaigns.CreateAsync(NewCampaign("c1", name: "other"), None), Is.False);
        await ReopenAsync();

        var stored = (await Campaigns.Campaigns.GetAsync("c1", None))!;
        Assert.That(stored.Name, Is.EqualTo("Roaming offer"));
        Assert.That(stored.Texts, Is.EqualTo(new Dictionary<string, string> { ["ru"] = "Привет, {name}", ["en"] = "Hello, {name}" }));
        Assert.That(stored.Audience.Tariffs, Is.EqualTo(new[] { "BASIC" }));
        Assert.That(stored.Trigger.Kind, Is.EqualTo(TriggerKind.Cron));
        Assert.That(stored.Trigger.Cron, Is.EqualTo("0 0 10 ? * MON"));
        Assert.That(stored.QuietHours!.StartMinute, Is.EqualTo(21 * 60));
        Assert.That(stored.PartsPerSecond, Is.EqualTo(2.5));
        Assert.That(stored.CreatedAt, Is.EqualTo(T0));
        Assert.That(await Campaigns.Campaigns.GetAsync("nope", None), Is.Null);
    }

    [Test]
    public async Task Change_AppliesOrRefuses_AndInStatesFindsIt()
    {
        await Campaigns.Campaigns.CreateAsync(NewCampaign("c1"), None);
        await Campaigns.Campaigns.CreateAsync(NewCampaign("c2"), None);

        var launched = await Campaigns.Campaigns.ChangeAsync("c1", c => { c.State = CampaignState.Scheduled; return true; }, None);
        var refused = await Campaigns.Campaigns.ChangeAsync("c2", c => { c.State = CampaignState.Running; return false; }, None);
        var missing = await Campaigns.Campaigns.ChangeAsync("c3", _ => true, None);

        Assert.That(launched.Changed, Is.True);
        Assert.That(refused.Changed, Is.False);
        Assert.That(refused.Campaign!.State, Is.EqualTo(CampaignState.Draft), "a refused change is not stored");
        Assert.That(missing.Campaign, Is.Null);
        Assert.That((await Campaigns.Campaigns.InStatesAsync([CampaignState.Scheduled, CampaignState.Running], None)).Select(c => c.Id), Is.EqualTo(new[] { "c1" }));
    }

    [Test]
    public async Task Change_ConcurrentChanges_EachSeesTheOthers()
    {
        await Campaigns.Campaigns.CreateAsync(NewCampaign("c1"), None);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() =>
            Campaigns.Campaigns.ChangeAsync("c1", c => { c.RefusedLines++; return true; }, None))));

        Assert.That((await Campaigns.Campaigns.GetAsync("c1", None))!.RefusedLines, Is.EqualTo(20));
    }

    [Test]
    public async Task ListNumbers_Deduplicated_InOrder_PageByPage()
    {
        await Campaigns.Campaigns.CreateAsync(NewCampaign("c1"), None);
        Assert.That(await Campaigns.Campaigns.AddListNumbersAsync("c1", ["+79160000003", "+79160000001", "+79160000003"], None), Is.EqualTo(2));
        Assert.That(await Campaigns.Campaigns.AddListNumbersAsync("c1", ["+79160000001", "+79160000002"], None), Is.EqualTo(1));
        await Campaigns.Campaigns.AddListNumbersAsync("c2", ["+79160000000"], None);

        var first = await Campaigns.Campaigns.ListNumbersAsync("c1", null, 2, None);
        var rest = await Campaigns.Campaigns.ListNumbersAsync("c1", first[^1], 2, None);

        Assert.That(first, Is.EqualTo(new[] { "+79160000001", "+79160000002" }));
        Assert.That(rest, Is.EqualTo(new[] { "+79160000003" }), "another campaign's numbers are not its");
    }

    [Test]
    public async Task Recipients_AddedTwice_AreOneRowEach_PendingInSequence()
    {
        var rows = Enumerable.Range(0, 5).Select(i => Recipient("c1", "r1", i)).ToList();
        Assert.That(await Campaigns.Campaigns.AddRecipientsAsync(rows[..3], None), Is.EqualTo(3));
        Assert.That(await Campaigns.Campaigns.AddRecipientsAsync(rows, None), Is.EqualTo(2), "a restart writing the audience out again adds nobody twice");
        await Campaigns.Campaigns.AddRecipientsAsync([Recipient("c1", "r2", 0), Recipient("c2", "r1", 0)], None);

        var first = await Campaigns.Campaigns.PendingAsync("c1", "r1", -1, 3, None);
        var next = await Campaigns.Campaigns.PendingAsync("c1", "r1", first[^1].Sequence, 10, None);

        Assert.That(first.Select(r => r.Sequence), Is.EqualTo(new long[] { 0, 1, 2 }));
        Assert.That(next.Select(r => r.Msisdn), Is.EqualTo(new[] { Number(3), Number(4) }));
        Assert.That(first[0].Values["name"], Is.EqualTo("Иван"));
        Assert.That(await Campaigns.Campaigns.LastSequenceAsync("c1", "r1", None), Is.EqualTo(4));
        Assert.That(await Campaigns.Campaigns.LastSequenceAsync("c1", "r9", None), Is.EqualTo(-1));
    }

    [Test]
    public async Task HandOver_MarksTheRecipientAndQueuesItsMessage_InOneStep()
    {
        await Campaigns.Campaigns.AddRecipientsAsync([Recipient("c1", "r1", 0), Recipient("c1", "r1", 1), Recipient("c1", "r1", 2)], None);
        var pending = await Campaigns.Campaigns.PendingAsync("c1", "r1", -1, 10, None);
        var handed = pending[0];
        handed.State = RecipientState.HandedOver;
        handed.OutboxId = CampaignRecipient.OutboxIdOf("c1", "r1", handed.Msisdn);
        handed.Parts = 2;
        var skipped = pending[1];
        skipped.State = RecipientState.SkippedOptedOut;

        await Campaigns.Campaigns.HandOverAsync([handed, skipped], [OutboxFor(handed)], None);
        await Campaigns.Campaigns.HandOverAsync([handed], [OutboxFor(handed, text: "again")], None);
        await ReopenAsync();

        Assert.That((await Campaigns.Campaigns.PendingAsync("c1", "r1", -1, 10, None)).Select(r => r.Sequence), Is.EqualTo(new long[] { 2 }));
        var all = await Campaigns.Campaigns.RecipientsAsync("c1", "r1", -1, 10, None);
        Assert.That(all.Select(r => r.State), Is.EqualTo(new[] { RecipientState.HandedOver, RecipientState.SkippedOptedOut, RecipientState.Pending }));
        Assert.That(all[0].Parts, Is.EqualTo(2));
        Assert.That((await Campaigns.Campaigns.RecipientsAsync("c1", "r1", 0, 1, None)).Single().Sequence, Is.EqualTo(1), "after and limit hold");
        Assert.That((await Store.Outbox.GetAsync(handed.OutboxId, None))!.Text, Is.EqualTo("text"), "a repeated hand-over queues nothing new");
        var progress = await Campaigns.Campaigns.ProgressAsync("c1", "r1", None);
        Assert.That(progress, Is.EqualTo(new CampaignProgress(Recipients: 3, Pending: 1, HandedOver: 1, OptedOut: 1, Unreachable: 0, Cancelled: 0,
            Sent: 0, Delivered: 0, Failed: 0, Parts: 2)));
    }

    [Test]
    public async Task Progress_CountsSentDeliveredAndFailed_FromTheOutboxAndReceipts()
    {
        await Campaigns.Campaigns.AddRecipientsAsync([.. Enumerable.Range(0, 3).Select(i => Recipient("c1", "r1", i))], None);
        var all = await Campaigns.Campaigns.PendingAsync("c1", "r1", -1, 10, None);
        foreach (var r in all)
        {
            r.State = RecipientState.HandedOver;
            r.OutboxId = CampaignRecipient.OutboxIdOf("c1", "r1", r.Msisdn);
            r.Parts = 1;
        }
        await Campaigns.Campaigns.HandOverAsync(all, [.. all.Select(r => OutboxFor(r))], None);
        await Store.Outbox.EnqueueAsync([Records.Outbox(CampaignRecipient.OutboxIdOf("c10", "r1", Number(0)), T0)], None);
        var records = await Task.WhenAll(all.Select(r => Store.Outbox.GetAsync(r.OutboxId!, None)));
        records[0]!.State = OutboxState.Sent;
        records[0]!.Parts.Add(new SentPart { Part = 1, Parts = 1, ChannelMessageId = "m0", MatchKeys = ["m0"], SubmittedAt = T0 });
        records[0]!.MatchKeys.Add("m0");
        records[1]!.State = OutboxState.Sent;
        records[2]!.State = OutboxState.Failed;
        await Store.Outbox.SaveAsync([records[0]!, records[1]!, records[2]!], None);
        await Store.Outbox.ApplyReceiptAsync(["m0"], "DELIVRD", null, T0.AddMinutes(1), None);

        var progress = await Campaigns.Campaigns.ProgressAsync("c1", "r1", None);

        Assert.That((progress.Sent, progress.Delivered, progress.Failed), Is.EqualTo((2, 1, 1)), "another campaign's message with a longer id is not counted");
    }

    [Test]
    public async Task CancelPending_LeavesThoseHandedOver()
    {
        await Campaigns.Campaigns.AddRecipientsAsync([Recipient("c1", "r1", 0), Recipient("c1", "r1", 1), Recipient("c1", "r2", 0)], None);
        var first = (await Campaigns.Campaigns.PendingAsync("c1", "r1", -1, 1, None))[0];
        first.State = RecipientState.HandedOver;
        await Campaigns.Campaigns.HandOverAsync([first], [], None);

        Assert.That(await Campaigns.Campaigns.CancelPendingAsync("c1", "r1", None), Is.EqualTo(1));

        var progress = await Campaigns.Campaigns.ProgressAsync("c1", "r1", None);
        Assert.That((progress.HandedOver, progress.Cancelled, progress.Pending), Is.EqualTo((1, 1, 0)));
        Assert.That(await Campaigns.Campaigns.PendingAsync("c1", "r2", -1, 10, None), Has.Count.EqualTo(1), "another run is not cancelled");
    }

    [Test]
    public async Task OptOut_StopAllAndTopics_ResumeOneOrAll_EveryChangeKept()
    {
        const string msisdn = "+79161234567";
        Assert.That(await Campaigns.OptOuts.ApplyAsync(Change("m1", msisdn, "PROMO", stop: true, 0), None), Is.True);
        Assert.That(await Campaigns.OptOuts.ApplyAsync(Change("m1", msisdn, "PROMO", stop: true, 0), None), Is.False, "the same message twice");
        await Campaigns.OptOuts.ApplyAsync(Change("m2", msisdn, "NEWS", stop: true, 1), None);
        Assert.That(await Campaigns.OptOuts.StoppedTopicsAsync(msisdn, None), Is.EquivalentTo(new[] { "PROMO", "NEWS" }));

        await Campaigns.OptOuts.ApplyAsync(Change("m3", msisdn, "NEWS", stop: false, 2), None);
        await Campaigns.OptOuts.ApplyAsync(Change("m4", msisdn, OptOutChange.AllTopics, stop: true, 3), None);
        await ReopenAsync();
        Assert.That(await Campaigns.OptOuts.StoppedTopicsAsync(msisdn, None), Is.EquivalentTo(new[] { "PROMO", OptOutChange.AllTopics }));
        Assert.That(await Campaigns.OptOuts.StoppedTopicsAsync("+79990000000", None), Is.Empty);

        await Campaigns.OptOuts.ApplyAsync(Change("m5", msisdn, OptOutChange.AllTopics, stop: false, 4), None);
        Assert.That(await Campaigns.OptOuts.StoppedTopicsAsync(msisdn, None), Is.Empty, "START resumes every topic");

        var history = await Campaigns.OptOuts.HistoryAsync(msisdn, None);
        Assert.That(history.Select(c => (c.Id, c.Topic, c.OptedOut)), Is.EqualTo(new[]
        {
            ("m1", "PROMO", true), ("m2", "NEWS", true), ("m3", "NEWS", false), ("m4", OptOutChange.AllTopics, true), ("m5", OptOutChange.AllTopics, false),
        }));
        Assert.That(history[0].Text, Is.EqualTo("STOP PROMO"));
        Assert.That(history[0].Channel, Is.EqualTo("sms"));
    }

    [Test]
    public async Task Audience_PagesThroughSubscribers_InOrderOfNumber()
    {
        await Store.Provisioning.SeedAsync([], [.. new[] { "+79160000003", "+79160000001", "+79160000002" }.Select(m => new ProvisionedSubscriber
        {
            Msisdn = m, Name = "N" + m[^1], Language = "ru", TariffCode = "BASIC", Currency = "RUB",
        })], None);

        var first = await Campaigns.Audience.SubscribersAfterAsync(null, 2, None);
        var rest = await Campaigns.Audience.SubscribersAfterAsync(first[^1].Msisdn, 2, None);

        Assert.That(first.Select(s => s.Msisdn), Is.EqualTo(new[] { "+79160000001", "+79160000002" }));
        Assert.That(rest.Select(s => s.Name), Is.EqualTo(new[] { "N3" }));
        Assert.That(await Campaigns.Audience.SubscribersAfterAsync(rest[^1].Msisdn, 2, None), Is.Empty);
    }

    private static Campaign NewCampaign(string id, string name = "Roaming offer") => new()
    {
        Id = id, Name = name, Topic = "PROMO", Channel = "sms", DefaultLanguage = "ru",
        Texts = new() { ["ru"] = "Привет, {name}", ["en"] = "Hello, {name}" },
        Audience = new CampaignAudience { Kind = AudienceKind.Segment, Tariffs = ["BASIC"] },
        Trigger = new CampaignTrigger { Kind = TriggerKind.Cron, Cron = "0 0 10 ? * MON" },
        PartsPerSecond = 2.5, QuietHours = new QuietHours { StartMinute = 21 * 60, EndMinute = 9 * 60 }, TimeZone = "Europe/Moscow",
        CreatedBy = "olga", CreatedAt = T0, UpdatedAt = T0,
    };

    private static string Number(int i) => "+7916000000" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static CampaignRecipient Recipient(string campaignId, string run, int i) => new()
    {
        Id = CampaignRecipient.KeyOf(campaignId, run, Number(i)), CampaignId = campaignId, Run = run, Sequence = i, Msisdn = Number(i),
        Language = "ru", Values = new() { ["name"] = "Иван" }, State = RecipientState.Pending,
    };

    private static OutboxRecord OutboxFor(CampaignRecipient recipient, string text = "text") =>
        Records.Outbox(CampaignRecipient.OutboxIdOf(recipient.CampaignId, recipient.Run, recipient.Msisdn), T0, text: text, address: recipient.Msisdn);

    private static OptOutChange Change(string id, string msisdn, string topic, bool stop, int minute) => new()
    {
        Id = id, Msisdn = msisdn, Topic = topic, OptedOut = stop, Channel = "sms", Text = stop ? "STOP " + topic : "START " + topic, At = T0.AddMinutes(minute),
    };
}
