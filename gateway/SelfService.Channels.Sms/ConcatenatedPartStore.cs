using LiteDB;

namespace SelfService.Channels.Sms;

/// <summary>
/// Parts of concatenated mobile-originated messages, stored as they come (each part is acknowledged only after it is
/// stored), until the last one arrives. A set that stays incomplete past the timeout is handed back so the customer
/// can be told.
/// </summary>
internal sealed class ConcatenatedPartStore
{
    private readonly ILiteCollection<StoredPart> _parts;
    private readonly Lock _gate = new();

    public ConcatenatedPartStore(ILiteDatabase database)
    {
        _parts = database.GetCollection<StoredPart>("sms_mo_parts");
        _parts.EnsureIndex(p => p.SetKey);
        _parts.EnsureIndex(p => p.ReceivedAt);
    }

    /// <summary>Stores a part; returns the whole set, in order, when this part completed it, and an empty list when the set
    /// was accepted already (the SMSC redelivers a part whose deliver_sm_resp it missed): acknowledge that, nothing more.</summary>
    public IReadOnlyList<StoredPart>? Add(StoredPart part)
    {
        lock (_gate)
        {
            part.Id = part.SetKey + "#" + part.Sequence;
            if (_parts.FindById(part.Id) is { Accepted: true } earlier && earlier.Text == part.Text) return [];
            // Otherwise a new message that reuses the reference: the accepted one under that key is done with.
            _parts.DeleteMany(p => p.SetKey == part.SetKey && p.Accepted);
            _parts.Upsert(part);   // a redelivered part replaces itself
            var set = _parts.Find(p => p.SetKey == part.SetKey).OrderBy(p => p.Sequence).ToList();
            return set.Count < part.Total ? null : set;
        }
    }

    /// <summary>Marks a set accepted once the whole message is in the pipeline. Its parts stay until the timeout, so that a
    /// redelivered part is known for what it is, not taken for the first part of a new message the customer must be told about.</summary>
    public void MarkAccepted(string setKey)
    {
        lock (_gate)
        {
            var set = _parts.Find(p => p.SetKey == setKey).ToList();
            foreach (var part in set) part.Accepted = true;
            _parts.Update(set);
        }
    }

    /// <summary>Sets whose first part came before <paramref name="cutoff"/>: removed, and returned when they are still incomplete.</summary>
    public IReadOnlyList<IReadOnlyList<StoredPart>> TakeExpired(DateTimeOffset cutoff)
    {
        lock (_gate)
        {
            var stale = _parts.Find(p => p.ReceivedAt < cutoff).Select(p => p.SetKey).Distinct().ToList();
            var sets = new List<IReadOnlyList<StoredPart>>();
            foreach (var key in stale)
            {
                var set = _parts.Find(p => p.SetKey == key).OrderBy(p => p.Sequence).ToList();
                _parts.DeleteMany(p => p.SetKey == key);
                if (!set.Exists(p => p.Accepted)) sets.Add(set);
            }
            return sets;
        }
    }
}

/// <summary>One stored part: which set it belongs to ("source|destination|reference|total"), where it goes, its text.</summary>
internal sealed class StoredPart
{
    public string Id { get; set; } = "";
    public string SetKey { get; set; } = "";
    public string Source { get; set; } = "";
    public string Destination { get; set; } = "";
    public int Sequence { get; set; }
    public int Total { get; set; }
    public string Text { get; set; } = "";
    public byte DataCoding { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>The whole message was accepted; the part is kept only to recognise redeliveries.</summary>
    public bool Accepted { get; set; }
}
