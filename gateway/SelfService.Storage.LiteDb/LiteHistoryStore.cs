using LiteDB;
using SelfService.Storage.History;

namespace SelfService.Storage.LiteDb;

internal sealed class LiteHistoryStore : IHistoryStore
{
    public const string Collection = "history";

    private readonly ILiteCollection<HistoryEntry> _entries;
    private readonly GroupCommitWriter _writer;

    public LiteHistoryStore(ILiteDatabase database, GroupCommitWriter writer)
    {
        _writer = writer;
        _entries = database.GetCollection<HistoryEntry>(Collection);
        _entries.EnsureIndex(e => e.CustomerId);
        _entries.EnsureIndex(e => e.IdentityKey);
        _entries.EnsureIndex(e => e.Outcome);
    }

    public Task RecordAsync(IReadOnlyList<HistoryEntry> entries, CancellationToken cancellationToken) =>
        _writer.WriteAsync(db => Record(db, entries), cancellationToken);

    /// <summary>On the writer thread, inside a commit.</summary>
    internal static void Record(ILiteDatabase database, IReadOnlyList<HistoryEntry> entries)
    {
        var collection = database.GetCollection<HistoryEntry>(Collection);
        foreach (var entry in entries)
        {
            entry.IdentityKey = IdentityKeys.Of(entry.Channel, entry.Address);
            collection.Upsert(entry);
        }
    }

    public Task<IReadOnlyList<HistoryEntry>> ForCustomerAsync(string customerId, int limit, CancellationToken cancellationToken) =>
        Task.FromResult(Latest(Filters.Equal(nameof(HistoryEntry.CustomerId), customerId), limit));

    public Task<IReadOnlyList<HistoryEntry>> ForIdentityAsync(string channel, string address, int limit, CancellationToken cancellationToken) =>
        Task.FromResult(Latest(Filters.Equal(nameof(HistoryEntry.IdentityKey), IdentityKeys.Of(channel, address)), limit));

    public Task<DateTimeOffset?> LastInboundAtAsync(string customerId, CancellationToken cancellationToken) =>
        Task.FromResult(_entries.Find(Filters.Equal(nameof(HistoryEntry.CustomerId), customerId))
            .Where(e => e.Kind == HistoryKind.Inbound).Select(e => (DateTimeOffset?)e.At).Max());

    public Task<IReadOnlyList<HistoryEntry>> InboundWithOutcomeAsync(
        IReadOnlyCollection<string> outcomes, DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        IReadOnlyList<HistoryEntry> found = _entries.Find(Query.In(nameof(HistoryEntry.Outcome), new BsonArray(outcomes.Select(o => new BsonValue(o)))))
            .Where(e => e.Kind == HistoryKind.Inbound && e.At >= since)
            .OrderByDescending(e => e.At).ThenBy(e => e.Id, StringComparer.Ordinal).Take(limit).ToList();
        return Task.FromResult(found);
    }

    public Task<int> ClaimAsync(string channel, string address, string customerId, CancellationToken cancellationToken) =>
        _writer.WriteAsync(db =>
        {
            var collection = db.GetCollection<HistoryEntry>(Collection);
            var anonymous = collection.Find(Filters.Equal(nameof(HistoryEntry.IdentityKey), IdentityKeys.Of(channel, address)))
                .Where(e => e.CustomerId is null).ToList();
            foreach (var entry in anonymous) entry.CustomerId = customerId;
            return collection.Update(anonymous);
        }, cancellationToken);

    /// <summary>The latest <paramref name="limit"/> entries matching <paramref name="filter"/>, oldest first.</summary>
    private IReadOnlyList<HistoryEntry> Latest(BsonExpression filter, int limit) =>
        _entries.Query().Where(filter).OrderByDescending(e => e.At).Limit(limit).ToList()
            .OrderBy(e => e.At).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
}
