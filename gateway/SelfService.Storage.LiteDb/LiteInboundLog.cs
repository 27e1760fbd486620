using System.Globalization;
using LiteDB;
using SelfService.Storage.Leases;
using SelfService.Storage.LiteDb.Leases;
using SelfService.Storage.Messages;

namespace SelfService.Storage.LiteDb;

internal sealed class LiteInboundLog : IInboundLog
{
    public const string Collection = "inbound";

    private readonly ILiteCollection<InboundRecord> _inbound;
    private readonly GroupCommitWriter _writer;
    private readonly LiteConversationStore _conversations;
    private readonly LiteOutbox _outbox;

    public LiteInboundLog(ILiteDatabase database, GroupCommitWriter writer, LiteConversationStore conversations, LiteOutbox outbox)
    {
        _writer = writer;
        _conversations = conversations;
        _outbox = outbox;
        _inbound = database.GetCollection<InboundRecord>(Collection);
        _inbound.EnsureIndex(r => r.DedupKey, unique: true);
        _inbound.EnsureIndex(r => r.State);
    }

    public async Task<AcceptOutcome> AcceptAsync(InboundRecord record, TimeSpan? redeliveryWindow, LeaseFence? fence, CancellationToken cancellationToken)
    {
        record.Text = StoredText.Of(record.Text);
        // A stale fence is answered with null, not thrown inside the write: a throw would roll back the whole group commit.
        return await _writer.WriteAsync(db => LiteLeaseStore.IsCurrent(db, fence) ? Accept(db, record, redeliveryWindow) : null, cancellationToken)
            ?? throw new StaleLeaseException(fence!);
    }

    private static AcceptOutcome Accept(ILiteDatabase database, InboundRecord record, TimeSpan? redeliveryWindow)
    {
        var collection = database.GetCollection<InboundRecord>(Collection);
        // Looked up first, never caught as a duplicate-key error: a failed insert would roll back the whole group commit.
        var earlier = collection.FindOne(Filters.Equal(nameof(InboundRecord.DedupKey), record.DedupKey));
        if (earlier is not null)
        {
            if (redeliveryWindow is null || record.ReceivedAt - earlier.ReceivedAt <= redeliveryWindow) return new AcceptOutcome(earlier.Id, Duplicate: true);
            // The same words again, later: a new message. The earlier one keeps a key of its own.
            earlier.DedupKey += "@" + earlier.Id;
            collection.Update(earlier);
        }
        collection.Insert(record);
        return new AcceptOutcome(record.Id, Duplicate: false);
    }

    public async Task CompleteAsync(ProcessingCommit commit, CancellationToken cancellationToken)
    {
        var current = await _writer.WriteAsync(db =>
        {
            if (!LiteLeaseStore.IsCurrent(db, commit.Fence)) return false;   // answered, not thrown: a throw would roll back the group commit
            Complete(db, commit);
            return true;
        }, cancellationToken);
        if (!current) throw new StaleLeaseException(commit.Fence!);
    }

    private void Complete(ILiteDatabase database, ProcessingCommit commit)
    {
        _conversations.SaveIfChanged(database, commit.Conversation);
        LiteCustomerStore.Save(database, commit.Customers);
        LiteHistoryStore.Record(database, commit.History);
        LiteOutbox.InsertNew(database, commit.Outbox);
        var collection = database.GetCollection<InboundRecord>(Collection);
        var inbound = collection.FindById(commit.InboundId);
        if (inbound is null) return;
        inbound.State = InboundState.Processed;
        inbound.Outcome = commit.Outcome;
        inbound.ProcessedAt = commit.ProcessedAt;
        collection.Update(inbound);
    }

    public Task<bool> RecordFailureAsync(string inboundId, string reason, int maxAttempts, CancellationToken cancellationToken) =>
        _writer.WriteAsync(db =>
        {
            var collection = db.GetCollection<InboundRecord>(Collection);
            var inbound = collection.FindById(inboundId);
            if (inbound is not { State: InboundState.Accepted }) return false;
            inbound.FailedAttempts++;
            var parked = inbound.FailedAttempts >= maxAttempts;
            if (parked)
            {
                inbound.State = InboundState.Parked;
                inbound.Outcome = reason;
            }
            collection.Update(inbound);
            return parked;
        }, cancellationToken);

    public Task<InboundRecord?> GetAsync(string inboundId, CancellationToken cancellationToken) =>
        Task.FromResult<InboundRecord?>(_inbound.FindById(inboundId));

    public Task<IReadOnlyList<InboundRecord>> UnprocessedAsync(int limit, CancellationToken cancellationToken)
    {
        IReadOnlyList<InboundRecord> found = _inbound.Find(Filters.Equal(nameof(InboundRecord.State), nameof(InboundState.Accepted)))
            .OrderBy(r => r.ReceivedAt).Take(limit).ToList();
        return Task.FromResult(found);
    }

    /// <summary>
    /// Inbound ids are version-7 GUIDs, whose first 12 hex digits are the Unix milliseconds, so this is a range on the
    /// primary key: no extra index slows the hot path down.
    /// </summary>
    public Task<IReadOnlyList<InboundSummary>> SinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var lowest = since.ToUnixTimeMilliseconds().ToString("x12", CultureInfo.InvariantCulture).PadRight(32, '0');
        IReadOnlyList<InboundSummary> found = _inbound.Query().Where("_id >= @0", lowest)
            .Select("{ i: $._id, c: $.Channel, s: $.SenderAddress, o: $.Outcome }").ToDocuments()
            .Select(d => new InboundSummary(ReceivedAt(d["i"].AsString), d["c"].AsString, d["s"].AsString, d["o"].IsNull ? null : d["o"].AsString))
            .ToList();
        return Task.FromResult(found);
    }

    private static DateTimeOffset ReceivedAt(string id) =>
        DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(id.AsSpan(0, 12), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
}
