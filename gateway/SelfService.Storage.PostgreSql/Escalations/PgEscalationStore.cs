using SelfService.Storage.Escalations;

namespace SelfService.Storage.PostgreSql.Escalations;

/// <summary>
/// The tickets of the human queue. Every change locks the ticket's row, checks its state and writes it in one
/// transaction, so of agents on several gateways acting on one ticket at once, exactly one succeeds.
/// </summary>
internal sealed class PgEscalationStore(PgDatabase database) : IEscalationStore
{
    public Task<bool> AddAsync(EscalationTicket ticket, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection => await Sql.ExecuteAsync(connection, """
            INSERT INTO escalations (id, state, queue_group, agent, enqueued_at, taken_at, doc) VALUES (@id, @state, @group, @agent, @enqueued, @taken, @doc)
            ON CONFLICT (id) DO NOTHING
            """, cancellationToken, Row(ticket)) == 1, cancellationToken);

    private static (string, object?)[] Row(EscalationTicket ticket) =>
    [
        ("id", ticket.Id), ("state", ticket.State), ("group", ticket.Group), ("agent", ticket.Agent), ("enqueued", ticket.EnqueuedAt),
        ("taken", ticket.TakenAt), ("doc", Documents.Of(ticket)),
    ];

    public Task<EscalationTicket?> GetAsync(string ticketId, CancellationToken cancellationToken) =>
        database.ReadAsync(connection => Sql.DocumentAsync<EscalationTicket>(connection, "SELECT doc FROM escalations WHERE id = @id", cancellationToken,
            ("id", ticketId)), cancellationToken);

    public Task<IReadOnlyList<EscalationTicket>> WaitingAsync(string? group, CancellationToken cancellationToken) =>
        ListAsync("""
            SELECT doc FROM escalations WHERE state = 'Waiting' AND (@group::text IS NULL OR queue_group = @group) ORDER BY enqueued_at, id
            """, cancellationToken, ("group", group));

    public Task<int> CountWaitingAheadAsync(EscalationTicket ticket, CancellationToken cancellationToken) =>
        database.ReadAsync(async connection => (int)await Sql.ScalarAsync<long>(connection, """
            SELECT count(*) FROM escalations WHERE state = 'Waiting' AND queue_group = @group AND id <> @id AND enqueued_at < @enqueued
            """, cancellationToken, ("group", ticket.Group), ("id", ticket.Id), ("enqueued", ticket.EnqueuedAt)), cancellationToken);

    public Task<IReadOnlyList<EscalationTicket>> HeldByAsync(string agent, CancellationToken cancellationToken) =>
        ListAsync("SELECT doc FROM escalations WHERE agent = @agent AND state = 'Taken' ORDER BY taken_at, id", cancellationToken, ("agent", agent));

    public async Task<IReadOnlyList<EscalationTicket>> PendingCallbacksAsync(CancellationToken cancellationToken)
    {
        // Open tickets are few (the queue and what agents hold); closed ones, which pile up, are never read for this.
        var open = await ListAsync("SELECT doc FROM escalations WHERE state <> 'Closed'", cancellationToken);
        return [.. open.Where(t => t.Callback is { DoneAt: null }).OrderBy(t => t.Callback!.RequestedAt).ThenBy(t => t.Id, StringComparer.Ordinal)];
    }

    public Task<IReadOnlyList<EscalationTicket>> EnqueuedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        ListAsync("SELECT doc FROM escalations WHERE enqueued_at >= @since ORDER BY enqueued_at, id", cancellationToken, ("since", since));

    public Task<IReadOnlyList<EscalationTicket>> LatestTakenAsync(int limit, CancellationToken cancellationToken) =>
        ListAsync("SELECT doc FROM escalations WHERE taken_at IS NOT NULL ORDER BY taken_at DESC, id LIMIT @limit", cancellationToken, ("limit", (long)limit));

    private Task<IReadOnlyList<EscalationTicket>> ListAsync(string sql, CancellationToken cancellationToken, params (string, object?)[] parameters) =>
        database.ReadAsync<IReadOnlyList<EscalationTicket>>(async connection =>
            await Sql.DocumentsAsync<EscalationTicket>(connection, sql, cancellationToken, parameters), cancellationToken);

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

    /// <summary>The ticket is read locked, checked and written inside one transaction.</summary>
    private Task<EscalationTicket?> ChangeAsync(
        string ticketId, TicketChange change, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            var ticket = await Sql.DocumentAsync<EscalationTicket>(connection, "SELECT doc FROM escalations WHERE id = @id FOR UPDATE", cancellationToken,
                ("id", ticketId));
            if (ticket is null || !change.Allowed(ticket)) return null;
            change.Apply(ticket);
            await Sql.ExecuteAsync(connection, """
                UPDATE escalations SET state = @state, queue_group = @group, agent = @agent, enqueued_at = @enqueued, taken_at = @taken, doc = @doc WHERE id = @id
                """, cancellationToken, Row(ticket));
            return ticket;
        }, cancellationToken);
}
