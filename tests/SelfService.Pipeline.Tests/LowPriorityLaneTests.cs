using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SelfService.Channels;
using SelfService.Messaging;
using SelfService.Storage.LiteDb;
using SelfService.Storage.Messages;

namespace SelfService.Pipeline.Tests;

/// <summary>The outbox's low-priority lane (campaigns): it never holds more than half the send slots, so a reply always finds one.</summary>
public sealed class LowPriorityLaneTests
{
    [Test]
    public async Task Reply_DuringABlastThatFillsItsLane_GoesAtOnce()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        using var storage = new LiteStorage(null, new LiteDbStorageOptions(), NullLoggerFactory.Instance);
        var adapter = new HeldAdapter();
        var options = new PipelineOptions { MaxConcurrentSends = 4 };
        var dispatcher = new OutboxDispatcher(storage.Outbox, new ChannelRegistry([adapter]), new PipelineMetrics(new TestMeterFactory()),
            Microsoft.Extensions.Options.Options.Create(options), time, NullLogger<OutboxDispatcher>.Instance);
        await dispatcher.StartAsync(CancellationToken.None);
        var blast = Enumerable.Range(0, 6).Select(i => Record("campaign:" + i, time)).ToList();
        var reply = Record("reply", time);
        await storage.Outbox.EnqueueAsync([.. blast, reply], CancellationToken.None);

        dispatcher.SendLowPriority(blast);
        await adapter.StartedAsync(2);
        dispatcher.Send([reply]);
        await adapter.StartedAsync(3);

        Assert.That(adapter.Started, Is.EqualTo(new[] { "campaign:0", "campaign:1", "reply" }),
            "the lane holds two of four slots while its sends hang; the reply takes a third");

        adapter.ReleaseAll();
        await adapter.StartedAsync(7);
        await dispatcher.StopAsync(CancellationToken.None);
    }

    // Leased past the start-up scan's horizon (now + one lease), which may run after these are stored: only the in-memory
    // handovers the test makes may send them, in the order it makes them.
    private static OutboxRecord Record(string id, TimeProvider time) => new()
    {
        Id = id, Channel = "sms", Address = "+79160000000", Text = "t", State = OutboxState.Pending, CreatedAt = time.GetUtcNow(),
        NextAttemptAt = time.GetUtcNow() + 2 * OutboxDispatcher.InMemoryLease,
    };

    /// <summary>An SMS channel whose sends hang until released, as an SMSC with a full window does; it records the order sends began.</summary>
    private sealed class HeldAdapter : IChannelAdapter
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ConcurrentQueue<string> _started = new();

        public ChannelProfile Profile => new("sms", ReplyForm.Short, 1, SenderIsMsisdn: true, IdempotentSends: true);

        public IReadOnlyList<string> Started => [.. _started];

        public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
        {
            _started.Enqueue(message.Id);
            await _release.Task.WaitAsync(cancellationToken);
            return SendResult.Sent;
        }

        /// <summary>Waits until <paramref name="count"/> sends have begun.</summary>
        public async Task StartedAsync(int count)
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (_started.Count < count)
            {
                if (DateTime.UtcNow > deadline) Assert.Fail($"{_started.Count} sends began, not {count}: {string.Join(", ", _started)}");
                await Task.Delay(1);
            }
        }

        public void ReleaseAll() => _release.TrySetResult();
    }
}
