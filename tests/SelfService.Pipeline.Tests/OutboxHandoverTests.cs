using Microsoft.Extensions.Logging.Abstractions;
using SelfService.Channels;
using SelfService.Storage.LiteDb;
using SelfService.Storage.Messages;

namespace SelfService.Pipeline.Tests;

/// <summary>
/// Two instances' dispatchers on one store: a reply made on the one that does not hold the channel's connection is left
/// to the owner (said on <see cref="OutboxDispatcher.LeftToOwner"/>, which the cluster events carry), and the owner, told
/// its id, sends it at once instead of when its in-memory lease runs out.
/// </summary>
public class OutboxHandoverTests
{
    private LiteStorage _storage = null!;

    [SetUp]
    public void Open() => _storage = new LiteStorage(null, new LiteDbStorageOptions(), NullLoggerFactory.Instance);

    [TearDown]
    public void Close() => _storage.Dispose();

    [Test]
    public async Task ReplyWhereTheConnectionIsHeldElsewhere_LeftToTheOwner_WhichSendsItOnce()
    {
        var withoutBind = new ScriptedAdapter("sms", SendResult.Unavailable("no bind here")) { HeldElsewhere = true };
        var withBind = new ScriptedAdapter("sms");
        using var elsewhere = Dispatcher(withoutBind);
        using var owner = Dispatcher(withBind);
        var left = new TaskCompletionSource<OutboxRecord>(TaskCreationOptions.RunContinuationsAsynchronously);
        elsewhere.LeftToOwner += record => left.TrySetResult(record);
        await elsewhere.StartAsync(CancellationToken.None);
        await owner.StartAsync(CancellationToken.None);
        try
        {
            // As the command workers and an agent's reply do: stored due a minute later, then handed over in memory.
            var now = TimeProvider.System.GetUtcNow();
            var reply = new OutboxRecord
            {
                Id = "agent:1:0", Channel = "sms", Address = "+79161234567", Text = "Здравствуйте!", State = OutboxState.Pending,
                CreatedAt = now, NextAttemptAt = now + OutboxDispatcher.InMemoryLease,
            };
            await _storage.Outbox.EnqueueAsync([reply], CancellationToken.None);
            elsewhere.Send([reply]);

            var handedOver = await left.Task.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.That(handedOver.Id, Is.EqualTo("agent:1:0"));
            var waiting = await RecordAsync("agent:1:0");
            Assert.That((waiting.State, waiting.Attempts), Is.EqualTo((OutboxState.Pending, 0)),
                "the instance without the bind neither tries nor marks it as being sent, which would hide it from the owner");
            Assert.That(withoutBind.Sent, Is.Empty);

            await owner.SendHandedOverAsync(handedOver.Id, CancellationToken.None);
            var sent = await SentAsync("agent:1:0");
            Assert.That((sent.State, sent.Attempts), Is.EqualTo((OutboxState.Sent, 1)));

            // Told again (a second instance without the bind left it too): it is sent already, and not again.
            await owner.SendHandedOverAsync(handedOver.Id, CancellationToken.None);
            Assert.That(withBind.Sent.Select(m => m.Id), Is.EqualTo(new[] { "agent:1:0" }));
        }
        finally
        {
            await owner.StopAsync(CancellationToken.None);
            await elsewhere.StopAsync(CancellationToken.None);
        }
    }

    [Test]
    public async Task SendHandedOver_OnAnInstanceThatDoesNotHoldTheConnection_LeavesIt()
    {
        var withoutBind = new ScriptedAdapter("sms") { HeldElsewhere = true };
        using var elsewhere = Dispatcher(withoutBind);
        var now = TimeProvider.System.GetUtcNow();
        await _storage.Outbox.EnqueueAsync([new OutboxRecord
        {
            Id = "agent:2:0", Channel = "sms", Address = "+79161234567", Text = "t", State = OutboxState.Pending,
            CreatedAt = now, NextAttemptAt = now + OutboxDispatcher.InMemoryLease,
        }], CancellationToken.None);

        // Not started: had it queued the message, the send would be waiting in its lane; nothing may be there.
        await elsewhere.SendHandedOverAsync("agent:2:0", CancellationToken.None);
        await elsewhere.DispatchDueAsync(CancellationToken.None);

        Assert.That(withoutBind.Sent, Is.Empty);
        Assert.That((await RecordAsync("agent:2:0")).State, Is.EqualTo(OutboxState.Pending));
    }

    private OutboxDispatcher Dispatcher(IChannelAdapter adapter) =>
        new(_storage.Outbox, new ChannelRegistry([adapter]), new PipelineMetrics(new TestMeterFactory()),
            Microsoft.Extensions.Options.Options.Create(new PipelineOptions()), TimeProvider.System, NullLogger<OutboxDispatcher>.Instance);

    private async Task<OutboxRecord> RecordAsync(string id) => (await _storage.Outbox.GetAsync(id, CancellationToken.None))!;

    /// <summary>Waits for the owner's outcome to be stored.</summary>
    private async Task<OutboxRecord> SentAsync(string id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var record = await RecordAsync(id);
            if (record.State is not (OutboxState.Pending or OutboxState.Sending) || DateTime.UtcNow > deadline) return record;
            await Task.Delay(20);
        }
    }
}
