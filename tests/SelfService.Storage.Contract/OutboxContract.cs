using SelfService.Storage.Messages;
using static SelfService.Storage.Contract.Records;

namespace SelfService.Storage.Contract;

/// <summary>The outbox: what is due, in what order, the outcomes of sends and the delivery receipts of their parts.</summary>
public abstract class OutboxContract : StorageContract
{
    [Test]
    public async Task Due_OnlyPendingAndDue_EarliestFirst()
    {
        var sent = Outbox("sent", T0);
        sent.State = OutboxState.Sent;
        await Store.Outbox.EnqueueAsync([Outbox("later", T0.AddMinutes(5)), Outbox("second", T0.AddSeconds(2)), Outbox("first", T0.AddSeconds(1)), sent], None);

        var due = await Store.Outbox.DueAsync(T0.AddMinutes(1), 10, None);

        Assert.That(due.Select(r => r.Id), Is.EqualTo(new[] { "first", "second" }));
        Assert.That((await Store.Outbox.DueAsync(T0.AddMinutes(1), 1, None)).Select(r => r.Id), Is.EqualTo(new[] { "first" }), "the limit holds");
    }

    [Test]
    public async Task Enqueue_AnIdThatIsThere_LeavesItAsItIs()
    {
        await Store.Outbox.EnqueueAsync([Outbox("a", T0, text: "first")], None);
        await Store.Outbox.EnqueueAsync([Outbox("a", T0, text: "again"), Outbox("b", T0)], None);

        Assert.That((await Store.Outbox.GetAsync("a", None))!.Text, Is.EqualTo("first"));
        Assert.That(await Store.Outbox.FindAsync(null, null, null, 10, None), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Enqueue_WithHistoryLines_StoresBoth()
    {
        await Store.Outbox.EnqueueAsync([Outbox("agent:1:0", T0), Outbox("agent:1:1", T0)],
            [Line("agent:1", "sms", "+79001", T0, Storage.History.HistoryKind.Outbound)], None);

        Assert.That(await Store.Outbox.FindAsync(null, null, null, 10, None), Has.Count.EqualTo(2));
        Assert.That((await Store.History.ForIdentityAsync("sms", "+79001", 10, None)).Select(e => e.Id), Is.EqualTo(new[] { "agent:1" }));
    }

    [Test]
    public async Task Save_Outcomes_AreWhatFindAndCountsSee()
    {
        await Store.Outbox.EnqueueAsync([Outbox("a", T0, channel: "sms"), Outbox("b", T0.AddSeconds(1), channel: "sms"), Outbox("c", T0.AddSeconds(2), channel: "email")], None);
        var a = (await Store.Outbox.GetAsync("a", None))!;
        var b = (await Store.Outbox.GetAsync("b", None))!;
        a.State = OutboxState.Sent;
        b.State = OutboxState.Failed;
        b.LastError = "refused";
        await Store.Outbox.SaveAsync([a, b], None);

        Assert.That(await Store.Outbox.CountsAsync(None), Is.EqualTo(new OutboxCounts(Backlog: 1, Failed: 1)));
        Assert.That((await Store.Outbox.FindAsync("sms", null, null, 10, None)).Select(r => r.Id), Is.EqualTo(new[] { "b", "a" }), "newest first");
        Assert.That((await Store.Outbox.FindAsync(null, null, OutboxState.Failed, 10, None)).Single().LastError, Is.EqualTo("refused"));
        Assert.That((await Store.Outbox.InStateAsync(OutboxState.Pending, 10, None)).Select(r => r.Id), Is.EqualTo(new[] { "c" }));
    }

    [Test]
    public async Task Receipt_ForASavedPart_UpdatesThatPart()
    {
        await SaveSentAsync("a", ("1A2B", ["1A2B", "6699"]), ("1A2C", ["1A2C", "6700"]));

        var matched = await Store.Outbox.ApplyReceiptAsync(["6700", "1A2C"], "DELIVRD", null, T0.AddMinutes(1), None);

        Assert.That(matched, Is.True);
        var parts = (await Store.Outbox.GetAsync("a", None))!.Parts;
        Assert.That(parts.Select(p => p.DeliveryState), Is.EqualTo(new[] { "ENROUTE", "DELIVRD" }));
    }

    [Test]
    public async Task Receipt_BeforeItsPartIsSaved_IsAppliedWhenItIs()
    {
        // The SMSC answered 1A2B3C and sent its receipt at once; the receipt won the race.
        var matched = await Store.Outbox.ApplyReceiptAsync(["1715004", "1A2B3C"], "DELIVRD", null, T0, None);
        await SaveSentAsync("a", ("1A2B3C", ["1A2B3C", "1715004"]));

        Assert.That(matched, Is.False);
        Assert.That((await Store.Outbox.GetAsync("a", None))!.Parts.Single().DeliveryState, Is.EqualTo("DELIVRD"));
    }

    [Test]
    public async Task Receipt_ThatNeverFindsItsPart_IsForgottenLater()
    {
        await Store.Outbox.ApplyReceiptAsync(["999"], "UNDELIV", "001", T0, None);
        await SaveSentAsync("a", ("1A2B3C", ["1A2B3C"]));

        Assert.That((await Store.Outbox.GetAsync("a", None))!.Parts.Single().DeliveryState, Is.EqualTo("ENROUTE"));
        Assert.That(await Store.Outbox.ForgetEarlyReceiptsAsync(T0.AddMinutes(1), None), Is.EqualTo(1));
    }

    private async Task SaveSentAsync(string id, params (string Id, string[] Keys)[] parts)
    {
        await Store.Outbox.EnqueueAsync([Outbox(id, T0)], None);
        var record = (await Store.Outbox.GetAsync(id, None))!;
        foreach (var (partId, keys) in parts)
        {
            record.Parts.Add(new SentPart { Part = record.Parts.Count + 1, Parts = parts.Length, ChannelMessageId = partId, MatchKeys = [.. keys], SubmittedAt = T0 });
            record.MatchKeys.AddRange(keys);
        }
        record.State = OutboxState.Sent;
        await Store.Outbox.SaveAsync([record], None);
    }
}
