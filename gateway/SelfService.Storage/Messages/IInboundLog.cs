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
    Task<AcceptOutcome> AcceptAsync(InboundRecord record, TimeSpan? redeliveryWindow, CancellationToken cancellationToken);

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
