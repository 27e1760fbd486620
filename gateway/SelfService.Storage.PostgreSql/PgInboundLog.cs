using System.Globalization;
using Npgsql;
using SelfService.Storage.Leases;
using SelfService.Storage.Messages;
using SelfService.Storage.PostgreSql.Leases;

namespace SelfService.Storage.PostgreSql;

internal sealed class PgInboundLog(PgDatabase database, PgConversationStore conversations) : IInboundLog
{
    public async Task<AcceptOutcome> AcceptAsync(InboundRecord record, TimeSpan? redeliveryWindow, LeaseFence? fence, CancellationToken cancellationToken)
    {
        record.Text = StoredText.Of(record.Text);
        return await database.WriteAsync(async connection =>
        {
            await PgLeaseStore.CheckAsync(connection, fence, cancellationToken);
            // The unique key decides: of callers accepting one message at once, one inserts and the others wait for its
            // commit, then find its row.
            if (await InsertAsync(connection, record, cancellationToken)) return new AcceptOutcome(record.Id, Duplicate: false);
            var earlier = await Sql.ListAsync(connection, "SELECT id, received_at FROM inbound WHERE dedup_key = @key FOR UPDATE",
                r => (Id: r.GetString(0), ReceivedAt: r.GetFieldValue<DateTimeOffset>(1)), cancellationToken, ("key", record.DedupKey));
            if (earlier.Count == 0) throw new WriteConflictException("the message's earlier copy went while it was read");
            var (earlierId, earlierAt) = earlier[0];
            if (redeliveryWindow is null || record.ReceivedAt - earlierAt <= redeliveryWindow) return new AcceptOutcome(earlierId, Duplicate: true);
            // The same words again, later: a new message. The earlier one keeps a key of its own.
            await Sql.ExecuteAsync(connection, """
                UPDATE inbound SET dedup_key = dedup_key || '@' || id, doc = jsonb_set(doc, '{DedupKey}', to_jsonb(dedup_key || '@' || id)) WHERE id = @id
                """, cancellationToken, ("id", earlierId));
            if (!await InsertAsync(connection, record, cancellationToken))
                throw new WriteConflictException("another copy of the message came in meanwhile");
            return new AcceptOutcome(record.Id, Duplicate: false);
        }, cancellationToken);
    }

    private static async Task<bool> InsertAsync(NpgsqlConnection connection, InboundRecord record, CancellationToken cancellationToken) =>
        await Sql.ExecuteAsync(connection, """
            INSERT INTO inbound (id, dedup_key, state, received_at, doc) VALUES (@id, @key, @state, @at, @doc) ON CONFLICT (dedup_key) DO NOTHING
            """, cancellationToken,
            ("id", record.Id), ("key", record.DedupKey), ("state", record.State), ("at", record.ReceivedAt), ("doc", Documents.Of(record))) == 1;

    public async Task CompleteAsync(ProcessingCommit commit, CancellationToken cancellationToken)
    {
        await database.WriteAsync(async connection =>
        {
            await PgLeaseStore.CheckAsync(connection, commit.Fence, cancellationToken);
            // Everything the message changed goes to the server in one round trip, and commits once.
            await using var batch = new SqlBatch(connection);
            conversations.SaveIfChanged(batch, commit.Conversation);
            PgCustomerStore.Save(batch, commit.Customers);
            PgHistoryStore.Record(batch, commit.History);
            PgOutbox.InsertNew(batch, commit.Outbox);
            batch.Add("UPDATE inbound SET state = @state, doc = doc || @patch WHERE id = @id",
                ("id", commit.InboundId), ("state", InboundState.Processed),
                ("patch", Documents.Of(new ProcessedFields { Outcome = commit.Outcome, ProcessedAt = commit.ProcessedAt })));
            await batch.ExecuteAsync(cancellationToken);
        }, cancellationToken);
        conversations.Saved(commit.Conversation);
    }

    public Task<bool> RecordFailureAsync(string inboundId, string reason, int maxAttempts, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            var inbound = await Sql.DocumentAsync<InboundRecord>(connection, "SELECT doc FROM inbound WHERE id = @id FOR UPDATE", cancellationToken, ("id", inboundId));
            if (inbound is not { State: InboundState.Accepted }) return false;
            inbound.FailedAttempts++;
            var parked = inbound.FailedAttempts >= maxAttempts;
            if (parked)
            {
                inbound.State = InboundState.Parked;
                inbound.Outcome = reason;
            }
            await Sql.ExecuteAsync(connection, "UPDATE inbound SET state = @state, doc = @doc WHERE id = @id", cancellationToken,
                ("id", inboundId), ("state", inbound.State), ("doc", Documents.Of(inbound)));
            return parked;
        }, cancellationToken);

    public Task<InboundRecord?> GetAsync(string inboundId, CancellationToken cancellationToken) =>
        database.ReadAsync(connection => Sql.DocumentAsync<InboundRecord>(connection, "SELECT doc FROM inbound WHERE id = @id", cancellationToken, ("id", inboundId)),
            cancellationToken);

    /// <summary>
    /// Rows another instance is completing right now are locked by it: SKIP LOCKED leaves them to it instead of waiting
    /// for them (and then running them again).
    /// </summary>
    public Task<IReadOnlyList<InboundRecord>> UnprocessedAsync(int limit, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<InboundRecord>>(async connection => await Sql.DocumentsAsync<InboundRecord>(connection,
            "SELECT doc FROM inbound WHERE state = 'Accepted' ORDER BY received_at, id LIMIT @limit FOR UPDATE SKIP LOCKED",
            cancellationToken, ("limit", (long)limit)), cancellationToken);

    /// <summary>Inbound ids are version-7 GUIDs, whose first 12 hex digits are the Unix milliseconds: a range of the primary key.</summary>
    public Task<IReadOnlyList<InboundSummary>> SinceAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<InboundSummary>>(async connection => await Sql.ListAsync(connection,
            "SELECT id, doc->>'Channel', doc->>'SenderAddress', doc->>'Outcome' FROM inbound WHERE id >= @lowest ORDER BY id",
            r => new InboundSummary(ReceivedAt(r.GetString(0)), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3)),
            cancellationToken, ("lowest", TimeOrderedIds.LowestAt(since))), cancellationToken);

    private static DateTimeOffset ReceivedAt(string id) =>
        DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(id.AsSpan(0, 12), NumberStyles.HexNumber, CultureInfo.InvariantCulture));

    /// <summary>What processing changes in a stored <see cref="InboundRecord"/>: merged into its document.</summary>
    private sealed class ProcessedFields
    {
        public InboundState State { get; init; } = InboundState.Processed;
        public string? Outcome { get; init; }
        public DateTimeOffset? ProcessedAt { get; init; }
    }
}
