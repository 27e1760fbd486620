using LiteDB;
using SelfService.Storage.Leases;

namespace SelfService.Storage.LiteDb.Leases;

/// <summary>
/// Leases in "leases" ({ _id: name, Owner, Token, AcquiredAt, ExpiresAt }, times as UTC ticks so they read back exactly).
/// A LiteDB file belongs to one process, so its gateway holds every lease it asks for; the store still keeps them as the
/// port says (tokens only grow, a stale token is refused), and a lease left by a process that stopped is let go when the
/// file is opened again (<see cref="ExpireAll"/>), so a restarted gateway binds at once instead of waiting out its old lease.
/// Each step reads and writes inside one write request of the single writer, so none interleaves with another.
/// </summary>
internal sealed class LiteLeaseStore(ILiteDatabase database, GroupCommitWriter writer) : ILeaseStore
{
    public const string Collection = "leases";

    private readonly ILiteCollection<BsonDocument> _leases = database.GetCollection(Collection);

    /// <summary>At open, before anything else writes: every lease in the file was its previous process's, and that process is gone.</summary>
    public static void ExpireAll(ILiteDatabase database)
    {
        var leases = database.GetCollection(Collection);
        var held = leases.Find(Query.GT("ExpiresAt", 0L)).ToList();
        if (held.Count == 0) return;
        foreach (var lease in held) lease["ExpiresAt"] = 0L;
        database.BeginTrans();
        leases.Update(held);
        database.Commit();
    }

    public Task<LeaseClaim> TryAcquireAsync(string name, string owner, TimeSpan duration, DateTimeOffset now, CancellationToken cancellationToken) =>
        writer.WriteAsync(db =>
        {
            var leases = db.GetCollection(Collection);
            var found = leases.FindById(name);
            if (found is not null && Read(found).IsHeldAt(now)) return new LeaseClaim(false, Read(found));
            var taken = new Lease(name, owner, (found is null ? 0 : found["Token"].AsInt64) + 1, now, now + duration);
            leases.Upsert(Document(taken));
            return new LeaseClaim(true, taken);
        }, cancellationToken);

    public Task<Lease?> RenewAsync(LeaseFence fence, TimeSpan duration, DateTimeOffset now, CancellationToken cancellationToken) =>
        writer.WriteAsync(db =>
        {
            var leases = db.GetCollection(Collection);
            var found = leases.FindById(fence.Name) is { } document ? Read(document) : null;
            if (found is null || found.Token != fence.Token || !found.IsHeldAt(now)) return null;
            var renewed = found with { ExpiresAt = now + duration };
            leases.Update(Document(renewed));
            return renewed;
        }, cancellationToken);

    public Task ReleaseAsync(LeaseFence fence, DateTimeOffset now, CancellationToken cancellationToken) =>
        writer.WriteAsync(db =>
        {
            var leases = db.GetCollection(Collection);
            var found = leases.FindById(fence.Name) is { } document ? Read(document) : null;
            if (found is null || found.Token != fence.Token || !found.IsHeldAt(now)) return;
            leases.Update(Document(found with { ExpiresAt = now }));
        }, cancellationToken);

    public Task<bool> IsCurrentAsync(LeaseFence fence, CancellationToken cancellationToken) =>
        Task.FromResult(IsCurrent(_leases, fence));

    /// <summary>Inside a write request: whether <paramref name="fence"/> (if any) is still the lease's token.</summary>
    public static bool IsCurrent(ILiteDatabase database, LeaseFence? fence) => fence is null || IsCurrent(database.GetCollection(Collection), fence);

    private static bool IsCurrent(ILiteCollection<BsonDocument> leases, LeaseFence fence) =>
        leases.FindById(fence.Name) is { } document && document["Token"].AsInt64 == fence.Token;

    public Task<IReadOnlyList<Lease>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Lease>>(_leases.FindAll().Select(Read).OrderBy(l => l.Name, StringComparer.Ordinal).ToList());

    private static Lease Read(BsonDocument document) => new(
        document["_id"].AsString, document["Owner"].AsString, document["Token"].AsInt64,
        new DateTimeOffset(document["AcquiredAt"].AsInt64, TimeSpan.Zero), new DateTimeOffset(document["ExpiresAt"].AsInt64, TimeSpan.Zero));

    private static BsonDocument Document(Lease lease) => new()
    {
        ["_id"] = lease.Name,
        ["Owner"] = lease.Owner,
        ["Token"] = lease.Token,
        ["AcquiredAt"] = lease.AcquiredAt.UtcTicks,
        ["ExpiresAt"] = lease.ExpiresAt.UtcTicks,
    };
}
