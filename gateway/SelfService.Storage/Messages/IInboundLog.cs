using SelfService.Storage.Leases;

namespace SelfService.Storage.Messages;

/// <summary>The inbound log: every accepted message, stored once before its channel is acknowledged.</summary>
public interface IInboundLog
{
    /// <summary>
    /// Stores <paramref name="record"/> unless a message with the same <see cref="InboundRecord.DedupKey"/> is stored
    /// already; then returns that one's id as a duplicate. With <paramref name="redeliveryWindow"/> (for channels that
    /// give a message no id of its own, so the key is built from its content), an earlier message with the same key is
    /// the same message only if it came within the window; an older one was the customer writing the same words again.
    /// </summary>
    /// <remarks>
    /// With <paramref name="fence"/> (a message that arrived on a leased connection: an SMPP bind, the Telegram poll, the
    /// mailbox), the message is stored only while the fence's token is still the lease's, checked in the same commit;
    /// otherwise <see cref="StaleLeaseException"/>, and the connection's old owner acknowledges nothing.
    /// </remarks>
    Task<AcceptOutcome> AcceptAsync(InboundRecord record, TimeSpan? redeliveryWindow, LeaseFence? fence, CancellationToken cancellationToken);

    /// <summary>Stores a message that came on no leased connection (see the overload with a fence).</summary>
    Task<AcceptOutcome> AcceptAsync(InboundRecord record, TimeSpan? redeliveryWindow, CancellationToken cancellationToken) =>
        AcceptAsync(record, redeliveryWindow, null, cancellationToken);

    /// <summary>Writes the outcome of processing one message, all of it in one commit.</summary>
    Task CompleteAsync(ProcessingCommit commit, CancellationToken cancellationToken);

    /// <summary>
    /// Counts a failed processing attempt; at <paramref name="maxAttempts"/> the message is parked with
    /// <paramref name="reason"/>. Returns true when it was parked.
    /// </summary>
    Task<bool> RecordFailureAsync(string inboundId, string reason, int maxAttempts, CancellationToken cancellationToken);

    Task<InboundRecord?> GetAsync(string inboundId, CancellationToken cancellationToken);

    /// <summary>Accepted messages not processed yet (after a restart), oldest first.</summary>
    Task<IReadOnlyList<InboundRecord>> UnprocessedAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Who wrote on which channel since <paramref name="since"/>, and what came of it.</summary>
    Task<IReadOnlyList<InboundSummary>> SinceAsync(DateTimeOffset since, CancellationToken cancellationToken);
}

/// <summary>The message is stored under <paramref name="MessageId"/>; <paramref name="Duplicate"/> when it was stored before.</summary>
public sealed record AcceptOutcome(string MessageId, bool Duplicate);

/// <summary>One inbound message, as the statistics see it.</summary>
public sealed record InboundSummary(DateTimeOffset ReceivedAt, string Channel, string SenderAddress, string? Outcome);
