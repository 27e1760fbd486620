using SelfService.Storage.History;
using SelfService.Storage.Messages;
using static SelfService.Storage.Contract.Records;

namespace SelfService.Storage.Contract;

/// <summary>The inbound log: stored once before the channel is acknowledged, processed in one commit, recovered after a restart.</summary>
public abstract class InboundLogContract : StorageContract
{
    [Test]
    public async Task Accept_SameChannelMessageIdTwice_IsADuplicateOfTheFirst()
    {
        var first = await Store.Inbound.AcceptAsync(Inbound("a", "sms", "smsc-42", T0), null, None);
        var again = await Store.Inbound.AcceptAsync(Inbound("b", "sms", "smsc-42", T0.AddSeconds(1)), null, None);
        var otherChannel = await Store.Inbound.AcceptAsync(Inbound("c", "webchat", "smsc-42", T0.AddSeconds(2)), null, None);

        Assert.That(first, Is.EqualTo(new AcceptOutcome("a", Duplicate: false)));
        Assert.That(again, Is.EqualTo(new AcceptOutcome("a", Duplicate: true)));
        Assert.That(otherChannel.Duplicate, Is.False, "ids are per channel");
        Assert.That((await Store.Inbound.UnprocessedAsync(10, None)).Select(r => r.Id), Is.EqualTo(new[] { "a", "c" }));
    }

    [Test]
    public async Task Accept_WithARedeliveryWindow_SameKeyLaterIsANewMessageAndItsRedeliveryIsItsDuplicate()
    {
        var window = TimeSpan.FromMinutes(5);
        await Store.Inbound.AcceptAsync(Inbound("a", "sms", "hash", T0), window, None);
        var redelivered = await Store.Inbound.AcceptAsync(Inbound("b", "sms", "hash", T0.AddMinutes(4)), window, None);
        var writtenAgain = await Store.Inbound.AcceptAsync(Inbound("c", "sms", "hash", T0.AddMinutes(6)), window, None);
        var itsRedelivery = await Store.Inbound.AcceptAsync(Inbound("d", "sms", "hash", T0.AddMinutes(7)), window, None);

        Assert.That(redelivered, Is.EqualTo(new AcceptOutcome("a", Duplicate: true)));
        Assert.That(writtenAgain, Is.EqualTo(new AcceptOutcome("c", Duplicate: false)));
        Assert.That(itsRedelivery, Is.EqualTo(new AcceptOutcome("c", Duplicate: true)));
        Assert.That((await Store.Inbound.UnprocessedAsync(10, None)).Select(r => r.Id), Is.EqualTo(new[] { "a", "c" }));
    }

    [Test]
    public async Task Accept_TextWithHalfASurrogatePair_IsStoredReadably()
    {
        var record = Inbound("a", "sms", "x", T0, text: "ok \uD83D then");

        await Store.Inbound.AcceptAsync(record, null, None);

        Assert.That((await Store.Inbound.GetAsync("a", None))!.Text, Is.EqualTo("ok \uFFFD then"));
    }

    [Test]
    public async Task Accept_TextWithANulCharacter_IsStoredReadably()
    {
        var record = Inbound("a", "sms", "x", T0, text: "ok \0 then");

        await Store.Inbound.AcceptAsync(record, null, None);

        Assert.That((await Store.Inbound.GetAsync("a", None))!.Text, Is.EqualTo("ok \uFFFD then"));
    }

    [Test]
    public async Task Complete_StoresEverythingTheMessageChangedAndMarksItProcessed()
    {
        await Store.Inbound.AcceptAsync(Inbound("a", "sms", "1", T0), null, None);
        var state = await Store.Conversations.GetAsync("sms", "+79161234567", None);
        state.Language = "ru";
        var customer = new Customers.Customer { Id = "c1", Msisdn = "+79161234567", CreatedAt = T0 };
        customer.Identities.Add(new Customers.ChannelIdentity { Channel = "sms", Address = "+79161234567", ProvenBy = "network" });

        await Store.Inbound.CompleteAsync(new ProcessingCommit("a", "Executed", T0.AddSeconds(1), state, [customer],
            [Line("a:in", "sms", "+79161234567", T0, customerId: "c1"), Line("a:out", "sms", "+79161234567", T0.AddSeconds(1), HistoryKind.Outbound, "c1")],
            [Outbox("a:0", T0)]), None);

        Assert.That((await Store.Inbound.GetAsync("a", None))!.State, Is.EqualTo(InboundState.Processed));
        Assert.That(await Store.Inbound.UnprocessedAsync(10, None), Is.Empty);
        Assert.That((await Store.Conversations.GetAsync("sms", "+79161234567", None)).Language, Is.EqualTo("ru"));
        Assert.That((await Store.Customers.FindByIdentityAsync("sms", "+79161234567", None))?.Id, Is.EqualTo("c1"));
        Assert.That((await Store.History.ForCustomerAsync("c1", 10, None)).Select(e => e.Id), Is.EqualTo(new[] { "a:in", "a:out" }));
        Assert.That((await Store.Outbox.GetAsync("a:0", None))?.State, Is.EqualTo(OutboxState.Pending));
    }

    [Test]
    public async Task Complete_RunAgainAfterACrash_KeepsTheReplyAsItWas()
    {
        await Store.Inbound.AcceptAsync(Inbound("a", "sms", "1", T0), null, None);
        var state = await Store.Conversations.GetAsync("sms", "+79161234567", None);
        await Store.Inbound.CompleteAsync(new ProcessingCommit("a", "Executed", T0, state, [], [Line("a:in", "sms", "+79161234567", T0)], [Outbox("a:0", T0, text: "first")]), None);
        var sent = (await Store.Outbox.GetAsync("a:0", None))!;
        sent.State = OutboxState.Sent;
        await Store.Outbox.SaveAsync([sent], None);

        await Store.Inbound.CompleteAsync(new ProcessingCommit("a", "Executed", T0, state, [], [Line("a:in", "sms", "+79161234567", T0)],
            [Outbox("a:0", T0, text: "second run")]), None);

        var reply = (await Store.Outbox.GetAsync("a:0", None))!;
        Assert.That((reply.Text, reply.State), Is.EqualTo(("first", OutboxState.Sent)), "a re-run sends nothing twice");
        Assert.That(await Store.History.ForIdentityAsync("sms", "+79161234567", 10, None), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Restart_AcceptedButNotProcessed_IsThereToRunAndProcessedIsNot()
    {
        await Store.Inbound.AcceptAsync(Inbound("a", "sms", "1", T0), null, None);
        await Store.Inbound.AcceptAsync(Inbound("b", "sms", "2", T0.AddSeconds(1)), null, None);
        await Store.Inbound.CompleteAsync(Nothing("a", await Store.Conversations.GetAsync("sms", "+79161234567", None), T0), None);

        await ReopenAsync();

        Assert.That((await Store.Inbound.UnprocessedAsync(10, None)).Select(r => r.Id), Is.EqualTo(new[] { "b" }));
        Assert.That((await Store.Inbound.AcceptAsync(Inbound("c", "sms", "1", T0.AddSeconds(2)), null, None)).Duplicate, Is.True,
            "what was stored before the restart is still recognised");
    }

    [Test]
    public async Task RecordFailure_AtTheLimit_ParksTheMessageWithItsReason()
    {
        await Store.Inbound.AcceptAsync(Inbound("a", "sms", "1", T0), null, None);

        var first = await Store.Inbound.RecordFailureAsync("a", "boom", 2, None);
        var second = await Store.Inbound.RecordFailureAsync("a", "boom again", 2, None);

        Assert.That((first, second), Is.EqualTo((false, true)));
        var parked = (await Store.Inbound.GetAsync("a", None))!;
        Assert.That((parked.State, parked.Outcome), Is.EqualTo((InboundState.Parked, "boom again")));
        Assert.That(await Store.Inbound.UnprocessedAsync(10, None), Is.Empty, "a parked message is not run again by itself");
    }

    [Test]
    public async Task Since_ListsTheMessagesOfThePeriod()
    {
        var now = DateTimeOffset.UtcNow;
        await Store.Inbound.AcceptAsync(Inbound(Guid.CreateVersion7(now.AddHours(-2)).ToString("N"), "sms", "1", now.AddHours(-2)), null, None);
        await Store.Inbound.AcceptAsync(Inbound(Guid.CreateVersion7(now).ToString("N"), "webchat", "2", now, sender: "c1"), null, None);

        var since = await Store.Inbound.SinceAsync(now.AddHours(-1), None);

        Assert.That(since.Select(s => (s.Channel, s.SenderAddress)), Is.EqualTo(new[] { ("webchat", "c1") }));
    }
}
