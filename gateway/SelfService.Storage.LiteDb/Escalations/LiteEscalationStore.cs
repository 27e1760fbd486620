using LiteDB;
using SelfService.Storage.Escalations;

namespace SelfService.Storage.LiteDb.Escalations;

/// <summary>
/// The tickets of the human queue in "escalations". Every change reads the ticket, checks its state and writes it in
/// one request to the writer, so nothing else changes the ticket in between.
/// </summary>
internal sealed class LiteEscalationStore : IEscalationStore
{
    public const string Collection = "escalations";

    private const string State = nameof(EscalationTicket.State);

    private readonly ILiteCollection<EscalationTicket> _tickets;
    private readonly GroupCommitWriter _writer;

    public LiteEscalationStore(ILiteDatabase database, GroupCommitWriter writer)
    {
        _writer = writer;
        _tickets = database.GetCollection<EscalationTicket>(Collection);
        _tickets.EnsureIndex(t => t.State);
        _tickets.EnsureIndex(t => t.EnqueuedAt);
        _tickets.EnsureIndex(t => t.TakenAt);
        _tickets.EnsureIndex(t => t.Agent);
    }

    public Task<bool> AddAsync(EscalationTicket ticket, CancellationToken cancellationToken) =>
        _writer.WriteAsync(db =>
        {
            var tickets = db.GetCollection<EscalationTicket>(Collection);
            if (tickets.FindById(ticket.Id) is not null) return false;
            tickets.Insert(ticket);
            return true;
        }, cancellationToken);

    public Task<EscalationTicket?> GetAsync(string ticketId, CancellationToken cancellationToken) =>
        Task.FromResult<EscalationTicket?>(_tickets.FindById(ticketId));

    public Task<IReadOnlyList<EscalationTicket>> WaitingAsync(string? group, CancellationToken cancellationToken)
    {
        IReadOnlyList<EscalationTicket> waiting = [.. InState(EscalationState.Waiting)
            .Where(t => group is null || t.Group == group).OrderBy(t => t.EnqueuedAt).ThenBy(t => t.Id, StringComparer.Ordinal)];
        return Task.FromResult(waiting);
    }

    public Task<int> CountWaitingAheadAsync(EscalationTicket ticket, CancellationToken cancellationToken) =>
        Task.FromResult(InState(EscalationState.Waiting).Count(t => t.Group == ticket.Group && t.Id != ticket.Id && t.EnqueuedAt < ticket.EnqueuedAt));

    public Task<IReadOnlyList<EscalationTicket>> HeldByAsync(string agent, CancellationToken cancellationToken)
    {
        IReadOnlyList<EscalationTicket> held = [.. _tickets.Find(Filters.Equal(nameof(EscalationTicket.Agent), agent))
            .Where(t => t.State == EscalationState.Taken).OrderBy(t => t.TakenAt)];
        return Task.FromResult(held);
    }

    public Task<IReadOnlyList<EscalationTicket>> PendingCallbacksAsync(CancellationToken cancellationToken)
    {
        // Open tickets are few (the queue and what agents hold); closed ones, which pile up, are never read for this.
        IReadOnlyList<EscalationTicket> pending = [.. InState(EscalationState.Waiting).Concat(InState(EscalationState.Taken))
            .Where(t => t.Callback is { DoneAt: null }).OrderBy(t => t.Callback!.RequestedAt)];
        return Task.FromResult(pending);
    }

    public Task<IReadOnlyList<EscalationTicket>> EnqueuedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        IReadOnlyList<EscalationTicket> found = _tickets.Find(BsonExpression.Create(
            "$." + nameof(EscalationTicket.EnqueuedAt) + " >= @0", since.UtcDateTime)).ToList();
        return Task.FromResult(found);
    }

    public Task<IReadOnlyList<EscalationTicket>> LatestTakenAsync(int limit, CancellationToken cancellationToken)
    {
        // A null (never taken, or transferred back) sorts below every date, so the range leaves those out.
        IReadOnlyList<EscalationTicket> latest = _tickets.Query()
            .Where(Filters.Between(nameof(EscalationTicket.TakenAt), DateTime.MinValue, DateTime.MaxValue))
            .OrderByDescending("$." + nameof(EscalationTicket.TakenAt)).Limit(limit).ToList();
        return Task.FromResult(latest);
    }

    public Task<EscalationTicket?> TakeAsync(string ticketId, string agent, DateTimeOffset at, CancellationToken cancellationToken) =>
        ChangeAsync(ticketId, TicketChange.Take(agent, at), cancellationToken);

    public Task<EscalationTicket?> TransferAsync(string ticketId, string group, CancellationToken cancellationToken) =>
        ChangeAsync(ticketId, TicketChange.Transfer(group), cancellationToken);

    public Task<EscalationTicket?> CloseAsync(string ticketId, DateTimeOffset at, CancellationToken cancellationToken) =>
        ChangeAsync(ticketId, TicketChange.Close(at), cancellationToken);

    public Task<EscalationTicket?> RequestCallbackAsync(string ticketId, string number, DateTimeOffset at, CancellationToken cancellationToken) =>
        ChangeAsync(ticketId, TicketChange.RequestCallback(number, at), cancellationToken);

    public Task<EscalationTicket?> CompleteCallbackAsync(string ticketId, string agent, DateTimeOffset at, CancellationToken cancellationToken) =>
        ChangeAsync(ticketId, TicketChange.CompleteCallback(agent, at), cancellationToken);

    private IEnumerable<EscalationTicket> InState(EscalationState state) => _tickets.Find(Filters.Equal(State, state.ToString()));

    /// <summary>On the writer thread: the ticket is read, checked and written inside one commit.</summary>
    private Task<EscalationTicket?> ChangeAsync(
        string ticketId, TicketChange change, CancellationToken cancellationToken) =>
        _writer.WriteAsync(db =>
        {
            var tickets = db.GetCollection<EscalationTicket>(Collection);
            var ticket = tickets.FindById(ticketId);
            if (ticket is null || !change.Allowed(ticket)) return null;
            change.Apply(ticket);
            tickets.Update(ticket);
            return ticket;
        }, cancellationToken);
}
