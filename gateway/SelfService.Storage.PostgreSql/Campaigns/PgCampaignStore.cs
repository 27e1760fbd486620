using Npgsql;
using SelfService.Storage.Campaigns;
using SelfService.Storage.Messages;

namespace SelfService.Storage.PostgreSql.Campaigns;

/// <summary>
/// Campaigns, their uploaded numbers and their recipients (0002_campaigns.sql). Where the LiteDB engine relies on its one
/// writer, this relies on the database: a change holds the campaign's row lock while it decides, numbers and recipients
/// are added with ON CONFLICT DO NOTHING on their keys, and a hand-over stores the recipients and queues their messages in
/// one transaction.
/// </summary>
internal sealed class PgCampaignStore(PgDatabase database) : ICampaignStore
{
    public Task<bool> CreateAsync(Campaign campaign, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection => await Sql.ExecuteAsync(connection, """
            INSERT INTO campaigns (id, state, created_at, doc) VALUES (@id, @state, @created, @doc) ON CONFLICT (id) DO NOTHING
            """, cancellationToken, ("id", campaign.Id), ("state", campaign.State), ("created", campaign.CreatedAt), ("doc", Documents.Of(campaign))) == 1,
            cancellationToken);

    public Task<Campaign?> GetAsync(string campaignId, CancellationToken cancellationToken) =>
        database.ReadAsync(connection => Sql.DocumentAsync<Campaign>(connection, "SELECT doc FROM campaigns WHERE id = @id", cancellationToken,
            ("id", campaignId)), cancellationToken);

    public Task<IReadOnlyList<Campaign>> ListAsync(int limit, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<Campaign>>(async connection => await Sql.DocumentsAsync<Campaign>(connection,
            "SELECT doc FROM campaigns ORDER BY created_at DESC, id LIMIT @limit", cancellationToken, ("limit", (long)Math.Max(0, limit))), cancellationToken);

    public Task<IReadOnlyList<Campaign>> InStatesAsync(IReadOnlyList<CampaignState> states, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<Campaign>>(async connection => await Sql.DocumentsAsync<Campaign>(connection,
            "SELECT doc FROM campaigns WHERE state = ANY(@states) ORDER BY id", cancellationToken,
            ("states", states.Select(s => s.ToString()).ToArray())), cancellationToken);

    /// <summary>The row stays locked from the read to the commit: a second change waits and then sees the first's.</summary>
    public Task<CampaignChange> ChangeAsync(string campaignId, Func<Campaign, bool> change, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            var stored = (await Sql.ListAsync(connection, "SELECT doc FROM campaigns WHERE id = @id FOR UPDATE", r => r.GetString(0), cancellationToken,
                ("id", campaignId))).FirstOrDefault();
            if (stored is null) return new CampaignChange(null, false);
            var campaign = Documents.Read<Campaign>(stored);
            // A refusing change may still have touched the object it was given: the answer is the campaign as stored.
            if (!change(campaign)) return new CampaignChange(Documents.Read<Campaign>(stored), false);
            await Sql.ExecuteAsync(connection, "UPDATE campaigns SET state = @state, created_at = @created, doc = @doc WHERE id = @id", cancellationToken,
                ("id", campaignId), ("state", campaign.State), ("created", campaign.CreatedAt), ("doc", Documents.Of(campaign)));
            return new CampaignChange(campaign, true);
        }, cancellationToken);

    /// <summary>One statement; the numbers go in sorted, so two uploads at once take their key locks in the same order.</summary>
    public Task<int> AddListNumbersAsync(string campaignId, IReadOnlyList<string> msisdns, CancellationToken cancellationToken) =>
        msisdns.Count == 0 ? Task.FromResult(0) : database.WriteAsync(connection => Sql.ExecuteAsync(connection, """
            INSERT INTO campaign_numbers (campaign_id, msisdn)
            SELECT @campaign, m FROM (SELECT DISTINCT m COLLATE "C" AS m FROM unnest(@numbers) AS m) AS listed ORDER BY m
            ON CONFLICT DO NOTHING
            """, cancellationToken, ("campaign", campaignId), ("numbers", msisdns.ToArray())), cancellationToken);

    public Task<IReadOnlyList<string>> ListNumbersAsync(string campaignId, string? afterMsisdn, int limit, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<string>>(async connection => await Sql.ListAsync(connection,
            "SELECT msisdn FROM campaign_numbers WHERE campaign_id = @campaign AND msisdn > @after ORDER BY msisdn LIMIT @limit",
            r => r.GetString(0), cancellationToken, ("campaign", campaignId), ("after", afterMsisdn ?? ""), ("limit", (long)limit)), cancellationToken);

    /// <summary>One statement for the whole page of the audience, in order of id (the key locks again taken in one order).</summary>
    public Task<int> AddRecipientsAsync(IReadOnlyList<CampaignRecipient> recipients, CancellationToken cancellationToken) =>
        recipients.Count == 0 ? Task.FromResult(0) : database.WriteAsync(async connection =>
        {
            var rows = recipients.DistinctBy(r => r.Id, StringComparer.Ordinal).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
            return await Sql.ExecuteAsync(connection, """
                INSERT INTO campaign_recipients (id, campaign_id, run, seq, state, parts, doc)
                SELECT id, campaign_id, run, seq, state, parts, doc::jsonb
                FROM unnest(@ids, @campaigns, @runs, @seqs, @states, @parts, @docs) AS r (id, campaign_id, run, seq, state, parts, doc)
                ON CONFLICT (id) DO NOTHING
                """, cancellationToken,
                ("ids", rows.Select(r => r.Id).ToArray()), ("campaigns", rows.Select(r => r.CampaignId).ToArray()),
                ("runs", rows.Select(r => r.Run).ToArray()), ("seqs", rows.Select(r => r.Sequence).ToArray()),
                ("states", rows.Select(r => r.State.ToString()).ToArray()), ("parts", rows.Select(r => r.Parts).ToArray()),
                ("docs", rows.Select(r => Documents.Of(r).Text).ToArray()));
        }, cancellationToken);

    public Task<IReadOnlyList<CampaignRecipient>> PendingAsync(string campaignId, string run, long afterSequence, int limit, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<CampaignRecipient>>(async connection => await Sql.DocumentsAsync<CampaignRecipient>(connection, """
            SELECT doc FROM campaign_recipients WHERE campaign_id = @campaign AND run = @run AND state = 'Pending' AND seq > @after
            ORDER BY seq LIMIT @limit
            """, cancellationToken, ("campaign", campaignId), ("run", run), ("after", afterSequence), ("limit", (long)limit)), cancellationToken);

    public Task<IReadOnlyList<CampaignRecipient>> RecipientsAsync(string campaignId, string run, long afterSequence, int limit, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<CampaignRecipient>>(async connection => await Sql.DocumentsAsync<CampaignRecipient>(connection, """
            SELECT doc FROM campaign_recipients WHERE campaign_id = @campaign AND run = @run AND seq > @after ORDER BY seq LIMIT @limit
            """, cancellationToken, ("campaign", campaignId), ("run", run), ("after", afterSequence), ("limit", (long)limit)), cancellationToken);

    public Task<long> LastSequenceAsync(string campaignId, string run, CancellationToken cancellationToken) =>
        database.ReadAsync(connection => Sql.ScalarAsync<long>(connection,
            "SELECT coalesce(max(seq), -1) FROM campaign_recipients WHERE campaign_id = @campaign AND run = @run", cancellationToken,
            ("campaign", campaignId), ("run", run)), cancellationToken);

    /// <summary>
    /// The recipients' rows and their messages in one transaction: a recipient is handed over exactly when its message is in
    /// the outbox. Messages already queued (a repeated hand-over) are left as they are, as the outbox's own enqueue does.
    /// </summary>
    public Task HandOverAsync(IReadOnlyList<CampaignRecipient> recipients, IReadOnlyList<OutboxRecord> outbox, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            await using var batch = new SqlBatch(connection);
            foreach (var recipient in recipients.OrderBy(r => r.Id, StringComparer.Ordinal))
                batch.Add("""
                    INSERT INTO campaign_recipients (id, campaign_id, run, seq, state, parts, doc) VALUES (@id, @campaign, @run, @seq, @state, @parts, @doc)
                    ON CONFLICT (id) DO UPDATE SET campaign_id = EXCLUDED.campaign_id, run = EXCLUDED.run, seq = EXCLUDED.seq,
                        state = EXCLUDED.state, parts = EXCLUDED.parts, doc = EXCLUDED.doc
                    """, ("id", recipient.Id), ("campaign", recipient.CampaignId), ("run", recipient.Run), ("seq", recipient.Sequence),
                    ("state", recipient.State), ("parts", recipient.Parts), ("doc", Documents.Of(recipient)));
            PgOutbox.InsertNew(batch, outbox);
            await batch.ExecuteAsync(cancellationToken);
        }, cancellationToken);

    /// <summary>One UPDATE: a hand-over of the same rows waits for it or it for the hand-over, never half of each.</summary>
    public Task<int> CancelPendingAsync(string campaignId, string run, CancellationToken cancellationToken) =>
        database.WriteAsync(connection => Sql.ExecuteAsync(connection, """
            UPDATE campaign_recipients SET state = 'Cancelled', doc = jsonb_set(doc, '{State}', '"Cancelled"')
            WHERE campaign_id = @campaign AND run = @run AND state = 'Pending'
            """, cancellationToken, ("campaign", campaignId), ("run", run)), cancellationToken);

    public Task<CampaignProgress> ProgressAsync(string campaignId, string run, CancellationToken cancellationToken) =>
        database.ReadAsync(async connection =>
        {
            var counts = await Sql.ListAsync(connection,
                "SELECT state, count(*), coalesce(sum(parts), 0) FROM campaign_recipients WHERE campaign_id = @campaign AND run = @run GROUP BY state",
                r => (State: Enum.Parse<RecipientState>(r.GetString(0)), Count: (int)r.GetInt64(1), Parts: (int)r.GetInt64(2)), cancellationToken,
                ("campaign", campaignId), ("run", run));

            // The run's messages are one range of the outbox's key (their ids are derived from the recipient and end in the
            // number): from the prefix up to the prefix with its last character, ':', raised by one.
            var prefix = CampaignRecipient.OutboxIdOf(campaignId, run, "");
            var outcome = (await Sql.ListAsync(connection, """
                SELECT count(*) FILTER (WHERE state = 'Sent'), count(*) FILTER (WHERE state = 'Failed'),
                       count(*) FILTER (WHERE jsonb_array_length(doc->'Parts') > 0 AND NOT EXISTS (
                           SELECT 1 FROM jsonb_array_elements(doc->'Parts') AS part WHERE upper(coalesce(part->>'DeliveryState', '')) <> 'DELIVRD'))
                FROM outbox WHERE id >= @from AND id < @to
                """, r => (Sent: (int)r.GetInt64(0), Failed: (int)r.GetInt64(1), Delivered: (int)r.GetInt64(2)), cancellationToken,
                ("from", prefix), ("to", prefix[..^1] + (char)(prefix[^1] + 1)))).Single();

            int Of(RecipientState state) => counts.Where(c => c.State == state).Sum(c => c.Count);
            return new CampaignProgress(counts.Sum(c => c.Count), Of(RecipientState.Pending), Of(RecipientState.HandedOver), Of(RecipientState.SkippedOptedOut),
                Of(RecipientState.SkippedUnreachable), Of(RecipientState.Cancelled), outcome.Sent, outcome.Delivered, outcome.Failed, counts.Sum(c => c.Parts));
        }, cancellationToken);
}
