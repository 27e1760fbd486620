namespace SelfService.Storage.Escalations;

/// <summary>
/// The tickets of the human queue. Each change of a ticket's state is one atomic step that checks the state it starts
/// from, so of agents acting at once on the same ticket, from one gateway or several, exactly one succeeds. A change
/// returns the ticket as it stored it, or null when the ticket is unknown or not in a state that allows the change.
/// </summary>
public interface IEscalationStore
{
    /// <summary>Stores a new ticket unless one with its id exists: false then, and the stored one is left as it is.</summary>
    Task<bool> AddAsync(EscalationTicket ticket, CancellationToken cancellationToken);

    Task<EscalationTicket?> GetAsync(string ticketId, CancellationToken cancellationToken);

    /// <summary>Waiting tickets, the longest waiting first; only <paramref name="group"/>'s when given.</summary>
    Task<IReadOnlyList<EscalationTicket>> WaitingAsync(string? group, CancellationToken cancellationToken);

    /// <summary>
    /// How many tickets of <paramref name="ticket"/>'s group wait that were queued before it. The ticket itself never
    /// counts, whether it is as read from the store or as the caller made it (with a time finer than the engine keeps).
    /// </summary>
    Task<int> CountWaitingAheadAsync(EscalationTicket ticket, CancellationToken cancellationToken);

    /// <summary>The tickets <paramref name="agent"/> holds, in the order taken.</summary>
    Task<IReadOnlyList<EscalationTicket>> HeldByAsync(string agent, CancellationToken cancellationToken);

    /// <summary>Open tickets whose callback is asked for and not made, the oldest request first.</summary>
    Task<IReadOnlyList<EscalationTicket>> PendingCallbacksAsync(CancellationToken cancellationToken);

    /// <summary>Tickets queued at or after <paramref name="since"/>, in any state.</summary>
    Task<IReadOnlyList<EscalationTicket>> EnqueuedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>The last <paramref name="limit"/> tickets taken and still marked so, the latest first: what wait figures come from.</summary>
    Task<IReadOnlyList<EscalationTicket>> LatestTakenAsync(int limit, CancellationToken cancellationToken);

    /// <summary>A waiting ticket becomes <paramref name="agent"/>'s.</summary>
    Task<EscalationTicket?> TakeAsync(string ticketId, string agent, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>A ticket not closed waits again, in <paramref name="group"/>, held by nobody, keeping the time it was first queued.</summary>
    Task<EscalationTicket?> TransferAsync(string ticketId, string group, CancellationToken cancellationToken);

    /// <summary>A ticket not closed is closed.</summary>
    Task<EscalationTicket?> CloseAsync(string ticketId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>A ticket not closed gets a callback to <paramref name="number"/> (replacing one asked for before).</summary>
    Task<EscalationTicket?> RequestCallbackAsync(string ticketId, string number, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>A ticket's callback, asked for and not made yet, is marked made by <paramref name="agent"/>.</summary>
    Task<EscalationTicket?> CompleteCallbackAsync(string ticketId, string agent, DateTimeOffset at, CancellationToken cancellationToken);
}
