namespace SelfService.Storage.Cluster;

/// <summary>
/// Tells the other gateway instances sharing the store that something changed there (a ticket, an outbox row, a transcript),
/// so they act at once instead of at their next poll or reload. An event carries ids only (at most
/// <see cref="MaxPayloadBytes"/>): the receiver reads the store for the rest, so an event can never be out of date or
/// say more than the store. Events are hints, never the record: one may be lost (the link to the store broke), so each
/// receiver keeps its own way to catch up, and is told when it may have missed some (a null payload).
/// One process on an embedded store has nobody to tell (<see cref="SingleInstanceClusterEvents"/>).
/// </summary>
public interface IClusterEvents
{
    /// <summary>The most a payload may hold, in UTF-8 bytes (PostgreSQL's NOTIFY takes under 8,000 with the envelope).</summary>
    public const int MaxPayloadBytes = 7000;

    /// <summary>
    /// Queues <paramref name="payload"/> on <paramref name="topic"/> for every other instance, and returns at once: the
    /// caller has committed already, and must not wait for, or fail with, the telling.
    /// </summary>
    void Publish(string topic, string payload);

    /// <summary>
    /// Runs <paramref name="handler"/> for each event another instance publishes on <paramref name="topic"/>; with null when
    /// events may have been missed (the listening connection was lost and is back), so the receiver catches up from the
    /// store. Handlers run one at a time, off the publisher's thread; dispose the result to stop.
    /// </summary>
    IDisposable Subscribe(string topic, Func<string?, CancellationToken, Task> handler);
}
