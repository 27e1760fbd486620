using System.Threading.Channels;
using SelfService.Pipeline;
using SelfService.Storage.Messages;

namespace SelfService.Campaigns;

/// <summary>
/// Hands a run's messages to the outbox's low-priority lane, each at its turn on the pace. The runner stores them a little
/// ahead of their turns, several to a commit, and queues them here: so what sets the pace on the wire is this loop and
/// the clock, not how long the store takes to commit (a commit held up behind customers' messages used to hold the pace
/// up with it).
/// </summary>
internal sealed class PacedRelease(OutboxDispatcher outbox, TimeProvider time)
{
    private readonly Channel<(OutboxRecord Record, DateTimeOffset Turn)> _queue =
        Channel.CreateUnbounded<(OutboxRecord, DateTimeOffset)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    /// <summary>Queues a stored message to go at <paramref name="turn"/> (turns come in order).</summary>
    public void Add(OutboxRecord record, DateTimeOffset turn) => _queue.Writer.TryWrite((record, turn));

    /// <summary>Nothing more comes: <see cref="RunAsync"/> ends once what is queued has gone.</summary>
    public void Complete() => _queue.Writer.TryComplete();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await foreach (var (record, turn) in _queue.Reader.ReadAllAsync(cancellationToken))
        {
            var wait = turn - time.GetUtcNow();
            if (wait > TimeSpan.Zero) await Task.Delay(wait, time, cancellationToken);
            outbox.SendLowPriority([record]);
        }
    }
}
