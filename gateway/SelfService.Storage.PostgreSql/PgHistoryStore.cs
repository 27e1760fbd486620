using SelfService.Storage.History;

namespace SelfService.Storage.PostgreSql;

internal sealed class PgHistoryStore(PgDatabase database) : IHistoryStore
{
    public Task RecordAsync(IReadOnlyList<HistoryEntry> entries, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            await using var batch = new SqlBatch(connection);
            Record(batch, entries);
            await batch.ExecuteAsync(cancellationToken);
        }, cancellationToken);

    /// <summary>Adds the entries to a commit's batch: ids are deterministic per source, so recording one again replaces it.</summary>
    internal static void Record(SqlBatch batch, IReadOnlyList<HistoryEntry> entries)
    {
        foreach (var entry in entries)
        {
            entry.IdentityKey = IdentityKeys.Of(entry.Channel, entry.Address);
            batch.Add("""
                INSERT INTO history (id, customer_id, identity_key, kind, outcome, at, doc) VALUES (@id, @customer, @identity, @kind, @outcome, @at, @doc)
                ON CONFLICT (id) DO UPDATE SET customer_id = EXCLUDED.customer_id, identity_key = EXCLUDED.identity_key, kind = EXCLUDED.kind,
                    outcome = EXCLUDED.outcome, at = EXCLUDED.at, doc = EXCLUDED.doc
                """,
                ("id", entry.Id), ("customer", entry.CustomerId), ("identity", entry.IdentityKey), ("kind", entry.Kind), ("outcome", entry.Outcome),
                ("at", entry.At), ("doc", Documents.Of(entry)));
        }
    }

    public Task<IReadOnlyList<HistoryEntry>> ForCustomerAsync(string customerId, int limit, CancellationToken cancellationToken) =>
        LatestAsync("customer_id", customerId, limit, cancellationToken);

    public Task<IReadOnlyList<HistoryEntry>> ForIdentityAsync(string channel, string address, int limit, CancellationToken cancellationToken) =>
        LatestAsync("identity_key", IdentityKeys.Of(channel, address), limit, cancellationToken);

    /// <summary>The latest <paramref name="limit"/> entries whose <paramref name="column"/> is <paramref name="value"/>, oldest first.</summary>
    private Task<IReadOnlyList<HistoryEntry>> LatestAsync(string column, string value, int limit, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<HistoryEntry>>(async connection =>
        {
            var latest = await Sql.DocumentsAsync<HistoryEntry>(connection,
                $"SELECT doc FROM history WHERE {column} = @value ORDER BY at DESC, id DESC LIMIT @limit", cancellationToken, ("value", value), ("limit", limit));
            return [.. latest.OrderBy(e => e.At).ThenBy(e => e.Id, StringComparer.Ordinal)];
        }, cancellationToken);

    public Task<DateTimeOffset?> LastInboundAtAsync(string customerId, CancellationToken cancellationToken) =>
        database.ReadAsync<DateTimeOffset?>(async connection =>
            await Sql.ScalarAsync<DateTime?>(connection, "SELECT max(at) FROM history WHERE customer_id = @customer AND kind = 'Inbound'",
                cancellationToken, ("customer", customerId)) is { } at
                ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc))
                : null, cancellationToken);

    public Task<IReadOnlyList<HistoryEntry>> InboundWithOutcomeAsync(
        IReadOnlyCollection<string> outcomes, DateTimeOffset since, int limit, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<HistoryEntry>>(async connection => await Sql.DocumentsAsync<HistoryEntry>(connection, """
            SELECT doc FROM history WHERE outcome = ANY(@outcomes) AND kind = 'Inbound' AND at >= @since ORDER BY at DESC, id LIMIT @limit
            """, cancellationToken, ("outcomes", outcomes.ToArray()), ("since", since), ("limit", limit)), cancellationToken);

    public Task<int> ClaimAsync(string channel, string address, string customerId, CancellationToken cancellationToken) =>
        database.WriteAsync(connection => Sql.ExecuteAsync(connection, """
            UPDATE history SET customer_id = @customer, doc = jsonb_set(doc, '{CustomerId}', to_jsonb(@customer))
            WHERE identity_key = @identity AND customer_id IS NULL
            """, cancellationToken, ("customer", customerId), ("identity", IdentityKeys.Of(channel, address))), cancellationToken);
}
