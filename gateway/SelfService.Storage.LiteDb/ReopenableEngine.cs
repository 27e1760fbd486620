using System.Collections;
using System.Reflection;
using LiteDB;
using LiteDB.Engine;

namespace SelfService.Storage.LiteDb;

/// <summary>
/// The engine every store's database goes through, which can be replaced by a fresh one on the same file. LiteDB 5 gives
/// an engine up after a disk error: it closes itself when the error comes inside one of its own transactions, and after a
/// failed explicit commit it keeps the transaction, which can then neither commit nor roll back ("to enqueue page, page
/// must be writable"). A new engine on the same file reads back from its log everything that was committed, so the store
/// works again as soon as the disk does.
/// </summary>
internal sealed class ReopenableEngine(Func<ILiteEngine> open) : ILiteEngine
{
    private ILiteEngine _current = open();

    /// <summary>
    /// Opens a new engine and drops the current one. Disposing the broken one closes its files; the checkpoint it would
    /// run copies only committed pages, and it cannot take the exclusive lock its failed transaction still holds anyway.
    /// If opening fails (the disk is still full), the current engine stays and the caller tries again later.
    /// </summary>
    public void Reopen()
    {
        var broken = _current;
        ForgetTransactionFinalizers(broken);
        try
        {
            broken.Dispose();
        }
        catch (Exception)
        {
            // It was broken already; what matters is the new one.
        }
        Volatile.Write(ref _current, open());
    }

    private ILiteEngine Current => Volatile.Read(ref _current);

    /// <summary>
    /// LiteDB 5.0.21's transaction whose commit failed throws from its finalizer ("discarded page must be writable"), and a
    /// finalizer that throws ends the process. The engine it belongs to is being dropped, so its transactions need no
    /// finalizing. They are private to LiteDB: reached by reflection, for this version's field names; if those change, the
    /// upgrade's store-failure test crashes and says so.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA1816", Justification = "LiteDB's own object, whose finalizer must not run; see above")]
    private static void ForgetTransactionFinalizers(ILiteEngine engine)
    {
        const BindingFlags Private = BindingFlags.NonPublic | BindingFlags.Instance;
        var monitor = typeof(LiteEngine).GetField("_monitor", Private)?.GetValue(engine as LiteEngine);
        if (monitor?.GetType().GetField("_transactions", Private)?.GetValue(monitor) is not IDictionary transactions) return;
        foreach (var transaction in transactions.Values) GC.SuppressFinalize(transaction);
    }

    public bool BeginTrans() => Current.BeginTrans();
    public bool Commit() => Current.Commit();
    public bool Rollback() => Current.Rollback();
    public IBsonDataReader Query(string collection, Query query) => Current.Query(collection, query);
    public int Insert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) => Current.Insert(collection, docs, autoId);
    public int Update(string collection, IEnumerable<BsonDocument> docs) => Current.Update(collection, docs);
    public int UpdateMany(string collection, BsonExpression transform, BsonExpression predicate) => Current.UpdateMany(collection, transform, predicate);
    public int Upsert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) => Current.Upsert(collection, docs, autoId);
    public int Delete(string collection, IEnumerable<BsonValue> ids) => Current.Delete(collection, ids);
    public int DeleteMany(string collection, BsonExpression predicate) => Current.DeleteMany(collection, predicate);
    public bool DropCollection(string name) => Current.DropCollection(name);
    public bool RenameCollection(string name, string newName) => Current.RenameCollection(name, newName);
    public bool EnsureIndex(string collection, string name, BsonExpression expression, bool unique) => Current.EnsureIndex(collection, name, expression, unique);
    public bool DropIndex(string collection, string name) => Current.DropIndex(collection, name);
    public BsonValue Pragma(string name) => Current.Pragma(name);
    public bool Pragma(string name, BsonValue value) => Current.Pragma(name, value);
    public int Checkpoint() => Current.Checkpoint();
    public long Rebuild(RebuildOptions options) => Current.Rebuild(options);
    public void Dispose() => Current.Dispose();
}
