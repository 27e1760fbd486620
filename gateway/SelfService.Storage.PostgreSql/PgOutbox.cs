using Npgsql;
using SelfService.Storage.History;
using SelfService.Storage.Messages;

namespace SelfService.Storage.PostgreSql;

internal sealed class PgOutbox(PgDatabase database) : IOutbox
{
    private const string Columns = "id, channel, address, state, due, created_at, match_keys, doc";
    private const string Values = "@id, @channel, @address, @state, @due, @created, @keys, @doc";

    public Task EnqueueAsync(IReadOnlyList<OutboxRecord> records, IReadOnlyList<HistoryEntry> history, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            await using var batch = new SqlBatch(connection);
            InsertNew(batch, records);
            PgHistoryStore.Record(batch, history);
            await batch.ExecuteAsync(cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// Adds to a commit's batch the inserts of the records whose ids are not there yet. A reply's id is its message's id and its place, so
    /// the primary key keeps one row per reply however often the message runs (a re-run after a crash finds its replies
    /// queued, perhaps sent, and leaves them as they are).
    /// </summary>
    internal static void InsertNew(SqlBatch batch, IReadOnlyList<OutboxRecord> records)
    {
        foreach (var record in records) batch.Add($"INSERT INTO outbox ({Columns}) VALUES ({Values}) ON CONFLICT (id) DO NOTHING", Row(record));
    }

    private static (string, object?)[] Row(OutboxRecord record) =>
    [
        ("id", record.Id), ("channel", record.Channel), ("address", record.Address), ("state", record.State),
        ("due", record.State == OutboxState.Pending ? record.NextAttemptAt : null), ("created", record.CreatedAt),
        ("keys", record.MatchKeys.ToArray()), ("doc", Documents.Of(record)),
    ];

    /// <summary>
    /// Pending messages whose attempt is due. A row another instance has locked (it is saving that message's outcome) is
    /// skipped, not waited for.
    /// </summary>
    public Task<IReadOnlyList<OutboxRecord>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<OutboxRecord>>(async connection => await Sql.DocumentsAsync<OutboxRecord>(connection,
            "SELECT doc FROM outbox WHERE due <= @now ORDER BY due, id LIMIT @limit FOR UPDATE SKIP LOCKED",
            cancellationToken, ("now", now), ("limit", (long)limit)), cancellationToken);

    public Task SaveAsync(IReadOnlyList<OutboxRecord> records, CancellationToken cancellationToken) =>
        records.Count == 0 ? Task.CompletedTask : database.WriteAsync(async connection =>
        {
            foreach (var record in records) await ApplyEarlyReceiptsAsync(connection, record, cancellationToken);
            await using var batch = new SqlBatch(connection);
            foreach (var record in records)
                batch.Add("""
                    UPDATE outbox SET channel = @channel, address = @address, state = @state, due = @due, created_at = @created, match_keys = @keys, doc = @doc
                    WHERE id = @id
                    """, Row(record));
            await batch.ExecuteAsync(cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// A receipt that overtook its part's answer waits in early_receipts. Saving a part and applying a receipt lock the
    /// part's keys first, so whichever comes second sees what the first stored: the receipt is never left waiting beside a
    /// part that was saved at the same moment.
    /// </summary>
    private static async Task ApplyEarlyReceiptsAsync(NpgsqlConnection connection, OutboxRecord record, CancellationToken cancellationToken)
    {
        var waiting = record.Parts.Where(p => p.ReceiptAt is null).ToList();
        var keys = waiting.SelectMany(p => p.MatchKeys).Distinct(StringComparer.Ordinal).ToArray();
        if (keys.Length == 0) return;
        await LockKeysAsync(connection, keys, cancellationToken);
        var receipts = await Sql.ListAsync(connection, "SELECT id, match_keys, state, error, at FROM early_receipts WHERE match_keys && @keys ORDER BY id",
            r => new EarlyReceipt(r.GetInt64(0), r.GetFieldValue<string[]>(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetFieldValue<DateTimeOffset>(4)),
            cancellationToken, ("keys", keys));
        foreach (var part in waiting)
        {
            var receipt = receipts.FirstOrDefault(r => r.MatchKeys.Any(part.MatchKeys.Contains));
            if (receipt is null) continue;
            part.DeliveryState = receipt.State;
            part.DeliveryError = receipt.Error;
            part.ReceiptAt = receipt.At;
            receipts.Remove(receipt);
            await Sql.ExecuteAsync(connection, "DELETE FROM early_receipts WHERE id = @id", cancellationToken, ("id", receipt.Id));
        }
    }

    private static Task LockKeysAsync(NpgsqlConnection connection, string[] keys, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(connection,
            "SELECT pg_advisory_xact_lock(@space, h) FROM (SELECT DISTINCT hashtext(k) AS h FROM unnest(@keys) AS k ORDER BY 1) AS ordered",
            cancellationToken, ("space", (int)LockSpace.ReceiptKey), ("keys", keys));

    public Task<bool> ApplyReceiptAsync(IReadOnlyList<string> matchKeys, string state, string? error, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            await LockKeysAsync(connection, [.. matchKeys], cancellationToken);
            foreach (var key in matchKeys)
            {
                var record = await Sql.DocumentAsync<OutboxRecord>(connection, "SELECT doc FROM outbox WHERE match_keys @> ARRAY[@key] LIMIT 1 FOR UPDATE",
                    cancellationToken, ("key", key));
                var part = record?.Parts.FirstOrDefault(p => p.MatchKeys.Contains(key));
                if (record is null || part is null) continue;
                part.DeliveryState = state;
                part.DeliveryError = error;
                part.ReceiptAt = at;
                await Sql.ExecuteAsync(connection, "UPDATE outbox SET doc = @doc WHERE id = @id", cancellationToken, ("id", record.Id), ("doc", Documents.Of(record)));
                return true;
            }
            await Sql.ExecuteAsync(connection, "INSERT INTO early_receipts (match_keys, state, error, at) VALUES (@keys, @state, @error, @at)", cancellationToken,
                ("keys", matchKeys.ToArray()), ("state", state), ("error", error), ("at", at));
            return false;
        }, cancellationToken);

    public Task<int> ForgetEarlyReceiptsAsync(DateTimeOffset olderThan, CancellationToken cancellationToken) =>
        database.WriteAsync(connection => Sql.ExecuteAsync(connection, "DELETE FROM early_receipts WHERE at < @at", cancellationToken, ("at", olderThan)),
            cancellationToken);

    public Task<IReadOnlyList<OutboxRecord>> InStateAsync(OutboxState state, int limit, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<OutboxRecord>>(async connection => await Sql.DocumentsAsync<OutboxRecord>(connection,
            "SELECT doc FROM outbox WHERE state = @state ORDER BY created_at, id LIMIT @limit", cancellationToken, ("state", state), ("limit", (long)limit)),
            cancellationToken);

    public Task<OutboxRecord?> GetAsync(string outboxId, CancellationToken cancellationToken) =>
        database.ReadAsync(connection => Sql.DocumentAsync<OutboxRecord>(connection, "SELECT doc FROM outbox WHERE id = @id", cancellationToken, ("id", outboxId)),
            cancellationToken);

    public Task<IReadOnlyList<OutboxRecord>> FindAsync(string? channel, string? address, OutboxState? state, int limit, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<OutboxRecord>>(async connection => await Sql.DocumentsAsync<OutboxRecord>(connection, """
            SELECT doc FROM outbox
            WHERE (@channel::text IS NULL OR channel = @channel) AND (@address::text IS NULL OR address = @address) AND (@state::text IS NULL OR state = @state)
            ORDER BY created_at DESC, id DESC LIMIT @limit
            """, cancellationToken, ("channel", channel), ("address", address), ("state", state?.ToString()), ("limit", (long)limit)), cancellationToken);

    public Task<OutboxCounts> CountsAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(async connection => (await Sql.ListAsync(connection, """
            SELECT (SELECT count(*) FROM outbox WHERE state IN ('Pending', 'Sending')), (SELECT count(*) FROM outbox WHERE state = 'Failed')
            """, r => new OutboxCounts((int)r.GetInt64(0), (int)r.GetInt64(1)), cancellationToken)).Single(), cancellationToken);

    private sealed record EarlyReceipt(long Id, string[] MatchKeys, string State, string? Error, DateTimeOffset At);
}
