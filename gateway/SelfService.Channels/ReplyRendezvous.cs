using System.Collections.Concurrent;
using SelfService.Messaging;

namespace SelfService.Channels;

/// <summary>
/// Where a session-bound input waits for its reply (a USSD request, a key pressed in the voice menu): the adapter's send
/// is handed the reply, keyed by the inbound message id, and the waiting input picks it up, whichever comes first; a
/// redelivered input finds the same reply. Entries are swept after a few minutes, longer than such a session lives. Each
/// channel has its own.
/// </summary>
public class ReplyRendezvous(TimeProvider time)
{
    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, Entry> _entries = new();

    private sealed record Entry(TaskCompletionSource<OutboundMessage> Reply, DateTimeOffset CreatedAt);

    /// <summary>True when an input is (or was recently) waiting for the reply to this message: its session owns the reply.</summary>
    public bool IsExpected(string inboundId) => _entries.ContainsKey(inboundId);

    public void Expect(string inboundId) => EntryFor(inboundId);

    /// <summary>
    /// Hands <paramref name="reply"/> to the input waiting for it: true for the first reply to that input (and the same one
    /// sent again); false when none waits, or it has had its reply (what else answers it must go another way).
    /// </summary>
    public bool TryDeliver(string inboundId, OutboundMessage reply) =>
        _entries.TryGetValue(inboundId, out var entry) && (entry.Reply.TrySetResult(reply) || entry.Reply.Task.Result.Id == reply.Id);

    public async Task<OutboundMessage?> WaitAsync(string inboundId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Sweep();
        var entry = EntryFor(inboundId);
        try
        {
            return await entry.Reply.Task.WaitAsync(timeout, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    private Entry EntryFor(string inboundId) =>
        _entries.GetOrAdd(inboundId, _ => new Entry(new TaskCompletionSource<OutboundMessage>(TaskCreationOptions.RunContinuationsAsynchronously), time.GetUtcNow()));

    private void Sweep()
    {
        var cutoff = time.GetUtcNow() - Keep;
        foreach (var (id, entry) in _entries)
            if (entry.CreatedAt < cutoff) _entries.TryRemove(id, out _);
    }
}
