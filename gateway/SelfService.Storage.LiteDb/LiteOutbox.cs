using LiteDB;
using SelfService.Storage.Messages;

namespace SelfService.Storage.LiteDb;

internal sealed class LiteOutbox : IOutbox
{
    public const string Collection = "outbox";
    public const string EarlyReceiptsCollection = "early_receipts";

    private readonly ILiteCollection<OutboxRecord> _outbox;
    private readonly ILiteCollection<EarlyReceipt> _early;
    private readonly GroupCommitWriter _writer;

    // Receipts kept for a part not saved yet; while there are none, saving a part looks for none.
    private int _earlyReceipts;

    public LiteOutbox(ILiteDatabase database, GroupCommitWriter writer)
    {
        _writer = writer;
        _outbox = database.GetCollection<OutboxRecord>(Collection);
        _outbox.EnsureIndex(r => r.State);
        _outbox.EnsureIndex("matchKeys", "$.MatchKeys[*]", unique: false);
        _early = database.GetCollection<EarlyReceipt>(EarlyReceiptsCollection);
        _early.EnsureIndex("matchKeys", "$.MatchKeys[*]", unique: false);
        _early.EnsureIndex(r => r.At);
        _earlyReceipts = _early.Count();
    }

    public Task EnqueueAsync(IReadOnlyList<OutboxRecord> records, CancellationToken cancellationToken) =>
        _writer.WriteAsync(db => InsertNew(db, records), cancellationToken);

    /// <summary>On the writer thread, inside a commit: inserts the records whose ids are not there yet (a re-run after a
    /// crash finds its replies queued, perhaps sent, and leaves them as they are).</summary>
    internal static void InsertNew(ILiteDatabase database, IReadOnlyList<OutboxRecord> records)
    {
        var collection = database.GetCollection<OutboxRecord>(Collection);
        foreach (var record in records)
            if (collection.FindById(record.Id) is null) collection.Insert(record);
    }

    public Task<IReadOnlyList<OutboxRecord>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        IReadOnlyList<OutboxRecord> due = _outbox.Find(Query.EQ(nameof(OutboxRecord.State), nameof(OutboxState.Pending)))
            .Where(r => r.NextAttemptAt <= now).OrderBy(r => r.NextAttemptAt).Take(limit).ToList();
        return Task.FromResult(due);
    }

    public Task SaveAsync(IReadOnlyList<OutboxRecord> records, CancellationToken cancellationToken) =>
        records.Count == 0 ? Task.CompletedTask : _writer.WriteAsync(db => Save(db, records), cancellationToken);

    private void Save(ILiteDatabase database, IReadOnlyList<OutboxRecord> records)
    {
        var collection = database.GetCollection<OutboxRecord>(Collection);
        foreach (var record in records)
        {
            if (_earlyReceipts > 0) ApplyEarlyReceipts(database, record);
            collection.Update(record);
        }
    }

    private void ApplyEarlyReceipts(ILiteDatabase database, OutboxRecord record)
    {
        var early = database.GetCollection<EarlyReceipt>(EarlyReceiptsCollection);
        foreach (var part in record.Parts.Where(p => p.ReceiptAt is null))
        {
            foreach (var key in part.MatchKeys)
            {
                var receipt = early.FindOne("$.MatchKeys[*] ANY = @0", key);
                if (receipt is null) continue;
                part.DeliveryState = receipt.State;
                part.DeliveryError = receipt.Error;
                part.ReceiptAt = receipt.At;
                early.Delete(receipt.Id);
                _earlyReceipts--;
                break;
            }
        }
    }

    public Task<bool> ApplyReceiptAsync(IReadOnlyList<string> matchKeys, string state, string? error, DateTimeOffset at, CancellationToken cancellationToken) =>
        _writer.WriteAsync(db =>
        {
            var collection = db.GetCollection<OutboxRecord>(Collection);
            foreach (var key in matchKeys)
            {
                var record = collection.FindOne("$.MatchKeys[*] ANY = @0", key);
                var part = record?.Parts.FirstOrDefault(p => p.MatchKeys.Contains(key));
                if (record is null || part is null) continue;
                part.DeliveryState = state;
                part.DeliveryError = error;
                part.ReceiptAt = at;
                collection.Update(record);
                return true;
            }
            db.GetCollection<EarlyReceipt>(EarlyReceiptsCollection).Insert(new EarlyReceipt
            {
                Id = ObjectId.NewObjectId(), MatchKeys = [.. matchKeys], State = state, Error = error, At = at,
            });
            _earlyReceipts++;
            return false;
        }, cancellationToken);

    public Task<int> ForgetEarlyReceiptsAsync(DateTimeOffset olderThan, CancellationToken cancellationToken) =>
        _writer.WriteAsync(db =>
        {
            var deleted = db.GetCollection<EarlyReceipt>(EarlyReceiptsCollection).DeleteMany(Query.LT(nameof(EarlyReceipt.At), olderThan.UtcDateTime));
            _earlyReceipts = db.GetCollection<EarlyReceipt>(EarlyReceiptsCollection).Count();
            return deleted;
        }, cancellationToken);

    public Task<IReadOnlyList<OutboxRecord>> InStateAsync(OutboxState state, int limit, CancellationToken cancellationToken)
    {
        IReadOnlyList<OutboxRecord> found = _outbox.Find(Query.EQ(nameof(OutboxRecord.State), state.ToString()), limit: limit).ToList();
        return Task.FromResult(found);
    }

    public Task<OutboxRecord?> GetAsync(string outboxId, CancellationToken cancellationToken) =>
        Task.FromResult<OutboxRecord?>(_outbox.FindById(outboxId));

    public Task<IReadOnlyList<OutboxRecord>> FindAsync(string? channel, string? address, OutboxState? state, int limit, CancellationToken cancellationToken)
    {
        var query = _outbox.Query();
        if (state is not null) query = query.Where(Query.EQ(nameof(OutboxRecord.State), state.Value.ToString()));
        if (channel is not null) query = query.Where(Query.EQ(nameof(OutboxRecord.Channel), channel));
        if (address is not null) query = query.Where(Query.EQ(nameof(OutboxRecord.Address), address));
        IReadOnlyList<OutboxRecord> found = query.OrderByDescending(r => r.CreatedAt).Limit(limit).ToList();
        return Task.FromResult(found);
    }

    public Task<OutboxCounts> CountsAsync(CancellationToken cancellationToken)
    {
        var backlog = _outbox.Count(Query.EQ(nameof(OutboxRecord.State), nameof(OutboxState.Pending)))
            + _outbox.Count(Query.EQ(nameof(OutboxRecord.State), nameof(OutboxState.Sending)));
        return Task.FromResult(new OutboxCounts(backlog, _outbox.Count(Query.EQ(nameof(OutboxRecord.State), nameof(OutboxState.Failed)))));
    }

    /// <summary>A receipt waiting for the part it belongs to.</summary>
    internal sealed class EarlyReceipt
    {
        public ObjectId Id { get; set; } = ObjectId.Empty;
        public List<string> MatchKeys { get; set; } = [];
        public string State { get; set; } = "";
        public string? Error { get; set; }
        public DateTimeOffset At { get; set; }
    }
}
