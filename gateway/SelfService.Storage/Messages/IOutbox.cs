using SelfService.Storage.History;

namespace SelfService.Storage.Messages;

/// <summary>Messages waiting to go out, their attempts, and what became of each part.</summary>
public interface IOutbox
{
    /// <summary>
    /// Queues messages that answer no inbound message (an agent's reply, a campaign) and records the history lines they
    /// make, in one commit: a reply is never sent without its line in the customer's history, nor shown there unsent.
    /// Ids already there are skipped (outbox) or replaced (history).
    /// </summary>
    Task EnqueueAsync(IReadOnlyList<OutboxRecord> records, IReadOnlyList<HistoryEntry> history, CancellationToken cancellationToken);

    /// <summary>Queues messages that make no history line of their own.</summary>
    Task EnqueueAsync(IReadOnlyList<OutboxRecord> records, CancellationToken cancellationToken) => EnqueueAsync(records, [], cancellationToken);

    /// <summary>Pending messages whose next attempt is due, earliest first.</summary>
    Task<IReadOnlyList<OutboxRecord>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the records' new state (sending, sent, retry, failed) in one commit, ahead of other writes waiting: it records
    /// what a channel already did (an SMSC accepted the submit), and until it is stored a crash would repeat it.
    /// </summary>
    Task SaveAsync(IReadOnlyList<OutboxRecord> records, CancellationToken cancellationToken);

    Task<IReadOnlyList<OutboxRecord>> InStateAsync(OutboxState state, int limit, CancellationToken cancellationToken);

    Task<OutboxRecord?> GetAsync(string outboxId, CancellationToken cancellationToken);

    /// <summary>The newest messages, filtered by any of channel, address and state.</summary>
    Task<IReadOnlyList<OutboxRecord>> FindAsync(string? channel, string? address, OutboxState? state, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Applies a delivery receipt to the part whose id matches one of <paramref name="matchKeys"/>. A receipt can overtake
    /// the answer that gave the part its id: one that matches nothing yet is kept a while and applied when the part is
    /// saved. Returns false in that case.
    /// </summary>
    Task<bool> ApplyReceiptAsync(IReadOnlyList<string> matchKeys, string state, string? error, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Drops receipts that never found their part.</summary>
    Task<int> ForgetEarlyReceiptsAsync(DateTimeOffset olderThan, CancellationToken cancellationToken);

    /// <summary>Messages waiting to go (pending or being sent), and those that failed for good.</summary>
    Task<OutboxCounts> CountsAsync(CancellationToken cancellationToken);
}

public sealed record OutboxCounts(int Backlog, int Failed);
