using System.Runtime.CompilerServices;
using LiteDB;

namespace SelfService.Provisioning.Embedded;

/// <summary>
/// The provisioning collections inside the host's shared LiteDB database, and the one way to
/// change them consistently.
/// </summary>
internal sealed class ProvisioningStore
{
    public const string ServicesCollection = "prov_services";
    public const string SubscribersCollection = "prov_subscribers";
    public const string ChangeRequestsCollection = "prov_change_requests";
    public const string AuditCollection = "prov_audit";

    // One gate per database, not per store instance: a read-check-write on a balance must not
    // interleave with another instance's over the same file. LiteDB's own transactions do not
    // prevent that lost update (each sees its snapshot and then waits for the write lock).
    private static readonly ConditionalWeakTable<ILiteDatabase, Lock> Gates = new();

    private readonly ILiteDatabase _database;
    private readonly Lock _gate;

    public ProvisioningStore(ILiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _gate = Gates.GetValue(database, static _ => new Lock());
        Audit.EnsureIndex(a => a.Msisdn);
    }

    public ILiteCollection<ServiceDocument> Services => _database.GetCollection<ServiceDocument>(ServicesCollection);

    public ILiteCollection<SubscriberDocument> Subscribers => _database.GetCollection<SubscriberDocument>(SubscribersCollection);

    public ILiteCollection<ChangeRequestDocument> ChangeRequests => _database.GetCollection<ChangeRequestDocument>(ChangeRequestsCollection);

    public ILiteCollection<AuditDocument> Audit => _database.GetCollection<AuditDocument>(AuditCollection);

    /// <summary>
    /// Runs <paramref name="work"/> under the database gate inside one LiteDB transaction.
    /// LiteDB v5 binds a transaction to the calling thread, so the work must be synchronous:
    /// an await inside it could resume on another thread and commit nothing, or someone else's work.
    /// </summary>
    public T InTransaction<T>(Func<T> work)
    {
        lock (_gate)
        {
            // False means this thread already has an open transaction (its owner commits it).
            var own = _database.BeginTrans();
            try
            {
                var result = work();
                if (own)
                {
                    _database.Commit();
                }

                return result;
            }
            catch
            {
                if (own)
                {
                    _database.Rollback();
                }

                throw;
            }
        }
    }
}
