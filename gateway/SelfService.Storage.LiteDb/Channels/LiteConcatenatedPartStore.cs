using LiteDB;
using SelfService.Storage.Channels;

namespace SelfService.Storage.LiteDb.Channels;

/// <summary>
/// Parts of concatenated SMS in "sms_mo_parts". Each operation is one write request, so the read-modify-write of a set is
/// atomic without a lock of its own: the writer applies requests one after another, and a request sees the parts the
/// requests before it in the same group commit stored.
/// </summary>
internal sealed class LiteConcatenatedPartStore : IConcatenatedPartStore
{
    public const string Collection = "sms_mo_parts";

    private readonly ILiteCollection<ConcatenatedPart> _parts;
    private readonly GroupCommitWriter _writer;

    public LiteConcatenatedPartStore(ILiteDatabase database, GroupCommitWriter writer)
    {
        _writer = writer;
        _parts = database.GetCollection<ConcatenatedPart>(Collection);
        _parts.EnsureIndex(p => p.SetKey);
        _parts.EnsureIndex(p => p.ReceivedAt);
    }

    public Task<IReadOnlyList<ConcatenatedPart>?> AddAsync(ConcatenatedPart part, CancellationToken cancellationToken)
    {
        part.Id = part.SetKey + "#" + part.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return _writer.WriteAsync<IReadOnlyList<ConcatenatedPart>?>(db =>
        {
            var parts = db.GetCollection<ConcatenatedPart>(Collection);
            if (parts.FindById(part.Id) is { Accepted: true } earlier && earlier.Text == part.Text) return [];
            var set = SetOf(parts, part.SetKey);
            // Otherwise a new message that reuses the reference: the accepted one under that key is done with.
            foreach (var done in set.Where(p => p.Accepted)) parts.Delete(done.Id);
            set.RemoveAll(p => p.Accepted || p.Id == part.Id);
            parts.Upsert(part);   // a redelivered part replaces itself
            set.Add(part);
            if (set.Count < part.Total) return null;
            set.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
            return set;
        }, cancellationToken);
    }

    public Task MarkAcceptedAsync(string setKey, CancellationToken cancellationToken) =>
        _writer.WriteAsync(db =>
        {
            var parts = db.GetCollection<ConcatenatedPart>(Collection);
            var set = SetOf(parts, setKey);
            foreach (var part in set) part.Accepted = true;
            parts.Update(set);
        }, cancellationToken);

    public async Task<IReadOnlyList<IReadOnlyList<ConcatenatedPart>>> TakeExpiredAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        // Asked every few seconds and nearly always with nothing to do: a read first, so an idle tick costs the writer nothing.
        if (!_parts.Exists(Filters.Before(nameof(ConcatenatedPart.ReceivedAt), cutoff.UtcDateTime))) return [];
        return await _writer.WriteAsync<IReadOnlyList<IReadOnlyList<ConcatenatedPart>>>(db =>
        {
            var parts = db.GetCollection<ConcatenatedPart>(Collection);
            var stale = parts.Find(Filters.Before(nameof(ConcatenatedPart.ReceivedAt), cutoff.UtcDateTime)).Select(p => p.SetKey).Distinct(StringComparer.Ordinal).ToList();
            var sets = new List<IReadOnlyList<ConcatenatedPart>>();
            foreach (var key in stale)
            {
                var set = SetOf(parts, key);
                foreach (var part in set) parts.Delete(part.Id);
                set.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
                if (!set.Exists(p => p.Accepted)) sets.Add(set);
            }
            return sets;
        }, cancellationToken);
    }

    private static List<ConcatenatedPart> SetOf(ILiteCollection<ConcatenatedPart> parts, string setKey) =>
        parts.Find(Filters.Equal(nameof(ConcatenatedPart.SetKey), setKey)).ToList();
}
