using LiteDB;
using LiteDB.Engine;

namespace SelfService.Storage.LiteDb;

/// <summary>
/// LiteDB 5's engine, one operation at a time. Under sustained concurrent writes from several threads (the SMS path
/// at a few hundred messages per second) LiteDB 5.0.21 corrupts its indexes ("invalid segment position in index
/// footer", exceptions thrown from ReadIndexKey). Serializing every call costs little — the engine serializes
/// writes internally anyway — and makes the store safe. An explicit transaction holds the lock from BeginTrans to
/// Commit/Rollback on its thread (LiteDB transactions are per thread), so nothing interleaves with it either.
/// Queries outside a transaction do not take the lock: LiteDB reads a snapshot in a read-only transaction of its own,
/// concurrently with one writer (the storage port's reads have always run so, and the group-commit hammer test checks
/// the indexes after 100,000 writes with readers alongside). Gating them made every provisioning and customer lookup on
/// the message path queue behind the writer's commits.
/// </summary>
internal sealed class SerializedLiteEngine(ILiteEngine inner) : ILiteEngine
{
    private readonly Lock _gate = new();

    [ThreadStatic]
    private static int _transactionDepth;

    public bool BeginTrans()
    {
        _gate.Enter();
        var began = inner.BeginTrans();
        if (began) _transactionDepth++;
        else _gate.Exit();
        return began;
    }

    public bool Commit() => EndTransaction(inner.Commit);

    public bool Rollback() => EndTransaction(inner.Rollback);

    public IBsonDataReader Query(string collection, Query query)
    {
        if (_transactionDepth == 0) return inner.Query(collection, query);
        // Inside this thread's transaction: read what it has written so far, still holding the lock it took.
        lock (_gate)
        {
            using var reader = inner.Query(collection, query);
            var values = new List<BsonValue>();
            while (reader.Read()) values.Add(reader.Current);
            return new ListDataReader(collection, values);
        }
    }

    public int Insert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) { lock (_gate) return inner.Insert(collection, docs, autoId); }
    public int Update(string collection, IEnumerable<BsonDocument> docs) { lock (_gate) return inner.Update(collection, docs); }
    public int UpdateMany(string collection, BsonExpression transform, BsonExpression predicate) { lock (_gate) return inner.UpdateMany(collection, transform, predicate); }
    public int Upsert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) { lock (_gate) return inner.Upsert(collection, docs, autoId); }
    public int Delete(string collection, IEnumerable<BsonValue> ids) { lock (_gate) return inner.Delete(collection, ids); }
    public int DeleteMany(string collection, BsonExpression predicate) { lock (_gate) return inner.DeleteMany(collection, predicate); }
    public bool DropCollection(string name) { lock (_gate) return inner.DropCollection(name); }
    public bool RenameCollection(string name, string newName) { lock (_gate) return inner.RenameCollection(name, newName); }
    public bool EnsureIndex(string collection, string name, BsonExpression expression, bool unique) { lock (_gate) return inner.EnsureIndex(collection, name, expression, unique); }
    public bool DropIndex(string collection, string name) { lock (_gate) return inner.DropIndex(collection, name); }
    public BsonValue Pragma(string name) { lock (_gate) return inner.Pragma(name); }
    public bool Pragma(string name, BsonValue value) { lock (_gate) return inner.Pragma(name, value); }
    public int Checkpoint() { lock (_gate) return inner.Checkpoint(); }
    public long Rebuild(RebuildOptions options) { lock (_gate) return inner.Rebuild(options); }

    public void Dispose()
    {
        lock (_gate) inner.Dispose();
    }

    private bool EndTransaction(Func<bool> end)
    {
        lock (_gate)
        {
            var ended = end();
            if (_transactionDepth > 0)
            {
                _transactionDepth--;
                _gate.Exit();   // the Enter of BeginTrans
            }
            return ended;
        }
    }

    /// <summary>A query's results, already read.</summary>
    private sealed class ListDataReader(string collection, List<BsonValue> values) : IBsonDataReader
    {
        private int _position = -1;

        public BsonValue this[string field] => Current.AsDocument[field];
        public string Collection => collection;
        public BsonValue Current => _position >= 0 && _position < values.Count ? values[_position] : BsonValue.Null;
        public bool HasValues => values.Count > 0;
        public bool Read() => ++_position < values.Count;
        public void Dispose() { }
    }
}
