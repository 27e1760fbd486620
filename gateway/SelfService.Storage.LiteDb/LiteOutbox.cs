using LiteDB;
using SelfService.Storage.History;
using SelfService.Storage.Messages;

namespace SelfService.Storage.LiteDb;

internal sealed class LiteOutbox : IOutbox
{
    public const string Collection = "outbox";
    public const string EarlyReceiptsCollection = "early_receipts";

    /// <summary>
    /// A field of the stored document only: the next attempt of a pending message, absent otherwise. Its index holds just
    /// the messages waiting to go, so finding what is due never walks what was sent.
    /// </summary>
    private const string DueField = "Due";

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
        _outbox.EnsureIndex(DueField, "$." + DueField, unique: false);
        _outbox.EnsureIndex("matchKeys", "$.MatchKeys[*]", unique: false);
        _early = database.GetCollection<EarlyReceipt>(EarlyReceiptsCollection);
        _early.EnsureIndex("matchKeys", "$.MatchKeys[*]", unique: false);
        _early.EnsureIndex(r => r.At);
        _earlyReceipts = _early.Count();
        IndexPendingOfEarlierVersions(database);
    }

    /// <summary>Pending messages stored before the due index existed get their due field; once, while nothing else runs yet.</summary>
    private static void IndexPendingOfEarlierVersions(ILiteDatabase database)
    {
        var documents = database.GetCollection(Collection);
        foreach (var document in documents.Find(Filters.Equal(nameof(OutboxRecord.State), nameof(OutboxState.Pending))).ToList())
        {
            if (document.ContainsKey(DueField)) continue;
            document[DueField] = document[nameof(OutboxRecord.NextAttemptAt)];
            documents.Update(document);
        }
    }

    public Task EnqueueAsync(IReadOnlyList<OutboxRecord> records, IReadOnlyList<HistoryEntry> history, CancellationToken cancellationToken) =>
        _writer.WriteAsync(db =>
        {
            InsertNew(db, records);
            LiteHistoryStore.Record(db, history);
        }, cancellationToken);

    /// <summary>On the writer thread, inside a commit: inserts the records whose ids are not there yet (a re-run after a
    /// crash finds its replies queued, perhaps sent, and leaves them as they are).</summary>
    internal static void InsertNew(ILiteDatabase database, IReadOnlyList<OutboxRecord> records)
    {
        var collection = database.GetCollection(Collection);
        foreach (var record in records)
            if (collection.FindById(record.Id) is null) collection.Insert(ToDocument(database, record));
    }

    private static BsonDocument ToDocument(ILiteDatabase database, OutboxRecord record)
    {
        var document = database.Mapper.ToDocument(record);
        document[DueField] = record.State == OutboxState.Pending ? new BsonValue(record.NextAttemptAt.UtcDateTime) : BsonValue.Null;
        return document;
    }

    public Task<IReadOnlyList<OutboxRecord>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        // Dates before any message, up to now: the null of a message not pending sorts below every date, so it is left out.
        IReadOnlyList<OutboxRecord> due = _outbox.Query().Where(Filters.Between(DueField, DateTime.MinValue, now.UtcDateTime))
            .OrderBy("$." + DueField).Limit(limit).ToList();
        return Task.FromResult(due);
    }

    public Task SaveAsync(IReadOnlyList<OutboxRecord> records, CancellationToken cancellationToken) =>
        // Ahead of the queue: an outcome records what the channel already did, and until it is stored a crash repeats it.
        records.Count == 0 ? Task.CompletedTask : _writer.WriteUrgentlyAsync(db => Save(db, records));

    private void Save(ILiteDatabase database, IReadOnlyList<OutboxRecord> records)
    {
        var collection = database.GetCollection(Collection);
        foreach (var record in records)
        {
            if (_earlyReceipts > 0) ApplyEarlyReceipts(database, record);
            collection.Update(ToDocument(database, record));
        }
    }

    private void ApplyEarlyReceipts(ILiteDatabase database, OutboxRecord record)
    {
        var early = database.GetCollection<EarlyReceipt>(EarlyReceiptsCollection);
        foreach (var part in record.Parts.Where(p => p.ReceiptAt is null))
        {
            foreach (var key in part.MatchKeys)
            {
                var receipt = early.FindOne(Filters.Holds(nameof(EarlyReceipt.MatchKeys), key));
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
                var record = collection.FindOne(Filters.Holds(nameof(OutboxRecord.MatchKeys), key));
                var part = record?.Parts.FirstOrDefault(p => p.MatchKeys.Contains(key));
                if (record is null || part is null) continue;
                part.DeliveryState = state;
                part.DeliveryError = error;
                part.ReceiptAt = at;
                db.GetCollection(Collection).Update(ToDocument(db, record));
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
            var deleted = db.GetCollection<EarlyReceipt>(EarlyReceiptsCollection).DeleteMany(Filters.Before(nameof(EarlyReceipt.At), olderThan.UtcDateTime));
            _earlyReceipts = db.GetCollection<EarlyReceipt>(EarlyReceiptsCollection).Count();
            return deleted;
        }, cancellationToken);

    public Task<IReadOnlyList<OutboxRecord>> InStateAsync(OutboxState state, int limit, CancellationToken cancellationToken)
    {
        IReadOnlyList<OutboxRecord> found = _outbox.Find(Filters.Equal(nameof(OutboxRecord.State), state.ToString()), limit: limit).ToList();
        return Task.FromResult(found);
    }

    public Task<OutboxRecord?> GetAsync(string outboxId, CancellationToken cancellationToken) =>
        Task.FromResult<OutboxRecord?>(_outbox.FindById(outboxId));

    public Task<IReadOnlyList<OutboxRecord>> FindAsync(string? channel, string? address, OutboxState? state, int limit, CancellationToken cancellationToken)
    {
        var query = _outbox.Query();
        if (state is not null) query = query.Where(Filters.Equal(nameof(OutboxRecord.State), state.Value.ToString()));
        if (channel is not null) query = query.Where(Filters.Equal(nameof(OutboxRecord.Channel), channel));
        if (address is not null) query = query.Where(Filters.Equal(nameof(OutboxRecord.Address), address));
        IReadOnlyList<OutboxRecord> found = query.OrderByDescending(r => r.CreatedAt).Limit(limit).ToList();
        return Task.FromResult(found);
    }

    public Task<OutboxCounts> CountsAsync(CancellationToken cancellationToken)
    {
        var backlog = _outbox.Count(Filters.Equal(nameof(OutboxRecord.State), nameof(OutboxState.Pending)))
            + _outbox.Count(Filters.Equal(nameof(OutboxRecord.State), nameof(OutboxState.Sending)));
        return Task.FromResult(new OutboxCounts(backlog, _outbox.Count(Filters.Equal(nameof(OutboxRecord.State), nameof(OutboxState.Failed)))));
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
