using SelfService.Storage.History;
using SelfService.Storage.Messages;
using static SelfService.Storage.Contract.Records;

namespace SelfService.Storage.Contract;

/// <summary>Bounded data: what the retention no longer keeps goes; what still has work to do stays, whatever its age.</summary>
public abstract class RetentionContract : StorageContract
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private static readonly RetentionPolicy Policy = new(Inbound: TimeSpan.FromDays(30), Outbox: TimeSpan.FromDays(30), History: TimeSpan.FromDays(365));

    [Test]
    public async Task Purge_DeletesWhatIsOlderThanThePolicyKeeps_AndKeepsWhatStillHasWorkToDo()
    {
        var old = await MessageAsync(Now.AddDays(-40), processed: true, replyState: OutboxState.Sent);
        var oldStillWaiting = await MessageAsync(Now.AddDays(-40), processed: false, replyState: OutboxState.Pending);
        var recent = await MessageAsync(Now.AddDays(-1), processed: true, replyState: OutboxState.Sent);
        var oldAgentReply = TimeOrderedIds.AgentPrefix + Guid.CreateVersion7(Now.AddDays(-40)).ToString("N");
        await Store.Outbox.EnqueueAsync([Sent(Outbox(oldAgentReply + ":0", Now.AddDays(-40)))], None);
        var agentLineOfLastYear = TimeOrderedIds.AgentPrefix + Guid.CreateVersion7(Now.AddDays(-400)).ToString("N");
        await Store.History.RecordAsync([Line(agentLineOfLastYear, "sms", "+7916", Now.AddDays(-400)), Line(Id(Now.AddDays(-400)) + ":in", "sms", "+7916", Now.AddDays(-400))], None);

        var report = await Store.PurgeAsync(Policy, Now, None);

        Assert.That(report, Is.EqualTo(new RetentionReport(Inbound: 1, Outbox: 2, History: 2)));
        Assert.That(await Store.Inbound.GetAsync(old, None), Is.Null);
        Assert.That(await Store.Outbox.GetAsync(old + ":0", None), Is.Null);
        Assert.That(await Store.Inbound.GetAsync(oldStillWaiting, None), Is.Not.Null, "an accepted message is kept until it is processed");
        Assert.That(await Store.Outbox.GetAsync(oldStillWaiting + ":0", None), Is.Not.Null, "a reply still waiting is kept until it goes");
        Assert.That(await Store.Inbound.GetAsync(recent, None), Is.Not.Null);
        Assert.That(await Store.History.ForIdentityAsync("sms", "+7916", 10, None), Has.Count.EqualTo(2), "40-day-old lines are within a year");
    }

    [Test]
    public async Task Purge_MoreThanOneCommitHolds_DeletesThemAll()
    {
        for (var i = 0; i < 2500; i += 500)
            await Store.Outbox.EnqueueAsync([.. Enumerable.Range(i, 500).Select(n => Sent(Outbox(Id(Now.AddDays(-40).AddSeconds(n)) + ":0", Now)))], None);

        var report = await Store.PurgeAsync(Policy, Now, None);

        Assert.That(report.Outbox, Is.EqualTo(2500));
        Assert.That(await Store.Outbox.FindAsync(null, null, null, 10, None), Is.Empty);
    }

    [Test]
    public async Task Health_AfterCommits_IsHealthy()
    {
        await Store.Inbound.AcceptAsync(Inbound(Id(Now), "sms", "1", Now), null, None);

        Assert.That(Store.Health.Healthy, Is.True);
        Assert.That(Store.Health.LastCommitAt, Is.Not.Null);
    }

    private async Task<string> MessageAsync(DateTimeOffset at, bool processed, OutboxState replyState)
    {
        var id = Id(at);
        await Store.Inbound.AcceptAsync(Inbound(id, "sms", id, at), null, None);
        if (!processed)
        {
            await Store.Outbox.EnqueueAsync([Outbox(id + ":0", at)], None);
            return id;
        }
        var state = await Store.Conversations.GetAsync("sms", "+79161234567", None);
        await Store.Inbound.CompleteAsync(new ProcessingCommit(id, "Executed", at, state, [], [Line(id + ":in", "sms", "+7916", at)], [Outbox(id + ":0", at)]), None);
        var reply = (await Store.Outbox.GetAsync(id + ":0", None))!;
        reply.State = replyState;
        await Store.Outbox.SaveAsync([reply], None);
        return id;
    }

    private static OutboxRecord Sent(OutboxRecord record)
    {
        record.State = OutboxState.Sent;
        return record;
    }

    private static string Id(DateTimeOffset at) => Guid.CreateVersion7(at).ToString("N");
}
