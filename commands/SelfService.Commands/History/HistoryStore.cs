using LiteDB;
using SelfService.Commands.Customers;

namespace SelfService.Commands.History;

/// <summary>Every message and action, queryable by customer across channels.</summary>
public sealed class HistoryStore
{
    private readonly ILiteCollection<HistoryEntry> _entries;

    public HistoryStore(ILiteDatabase database)
    {
        _entries = database.GetCollection<HistoryEntry>("history");
        _entries.EnsureIndex(e => e.CustomerId);
        _entries.EnsureIndex(e => e.IdentityKey);
        _entries.EnsureIndex(e => e.Outcome);
    }

    /// <summary>
    /// Records entries; ids are deterministic per source so a re-run after a crash does not record them twice.
    /// No explicit transaction: LiteDB 5 corrupts indexes when explicit transactions on one collection run on several
    /// threads at once (seen under load as exceptions thrown from ReadIndexKey), and the ids make one unnecessary.
    /// </summary>
    public void Record(params ReadOnlySpan<HistoryEntry> entries)
    {
        foreach (var entry in entries)
        {
            entry.IdentityKey = CustomerDirectory.IdentityKey(entry.Channel, entry.Address);
            _entries.Upsert(entry);
        }
    }

    /// <summary>The customer's whole timeline, all channels, oldest first.</summary>
    public IReadOnlyList<HistoryEntry> ForCustomer(string customerId, int limit = 500) =>
        _entries.Query().Where(e => e.CustomerId == customerId).OrderByDescending(e => e.At).Limit(limit).ToList()
            .OrderBy(e => e.At).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();

    /// <summary>What an address said before (or without) being linked to a customer.</summary>
    public IReadOnlyList<HistoryEntry> ForIdentity(string channel, string address, int limit = 500) =>
        _entries.Query().Where(e => e.IdentityKey == CustomerDirectory.IdentityKey(channel, address))
            .OrderByDescending(e => e.At).Limit(limit).ToList().OrderBy(e => e.At).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();

    /// <summary>Inbound messages with one of <paramref name="outcomes"/> received since <paramref name="since"/>, newest first, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<HistoryEntry> InboundWithOutcome(IReadOnlyCollection<string> outcomes, DateTimeOffset since, int limit) =>
        _entries.Find(Query.In(nameof(HistoryEntry.Outcome), new BsonArray(outcomes.Select(o => new BsonValue(o)))))
            .Where(e => e.Kind == HistoryKind.Inbound && e.At >= since)
            .OrderByDescending(e => e.At).ThenBy(e => e.Id, StringComparer.Ordinal).Take(limit).ToList();

    /// <summary>After linking, the anonymous history of that address becomes the customer's.</summary>
    public int Claim(string channel, string address, string customerId)
    {
        var key = CustomerDirectory.IdentityKey(channel, address);
        var anonymous = _entries.Find(e => e.IdentityKey == key && e.CustomerId == null).ToList();
        foreach (var entry in anonymous)
        {
            entry.CustomerId = customerId;
            _entries.Update(entry);
        }
        return anonymous.Count;
    }
}
