namespace SelfService.Smpp;

/// <summary>A small in-memory store that joins the parts of concatenated messages, for the simulator and for applications
/// that do not persist parts. A gateway that must survive a restart keeps the parts in its own store instead.</summary>
/// <remarks>Parts are keyed by source, destination, reference and total. A part seen twice (an SMSC redelivery) counts once.
/// A message still incomplete <see cref="Timeout"/> after its first part is handed back by <see cref="RemoveExpired"/>.</remarks>
public sealed class ConcatenationAssembler
{
    private readonly TimeProvider _time;
    private readonly Dictionary<(string Source, string Destination, int Reference, int Total), Pending> _pending = [];
    private readonly Lock _lock = new();

    public ConcatenationAssembler(TimeProvider time, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        _time = time;
        Timeout = timeout;
    }

    public TimeSpan Timeout { get; }

    public int PendingCount
    {
        get { lock (_lock) return _pending.Count; }
    }

    /// <summary>Adds a part; returns the whole text when this was the last missing part, else null.</summary>
    public string? Add(string source, string destination, ConcatenationInfo info, string text)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(text);
        if (info.Sequence < 1 || info.Sequence > info.Total) throw new ArgumentOutOfRangeException(nameof(info), "Sequence must be between 1 and Total");
        if (info.Total == 1) return text;
        var key = (source, destination, info.Reference, info.Total);
        lock (_lock)
        {
            if (!_pending.TryGetValue(key, out var pending))
            {
                pending = new Pending(new string?[info.Total], _time.GetUtcNow() + Timeout);
                _pending.Add(key, pending);
            }
            if (pending.Parts[info.Sequence - 1] is null)
            {
                pending.Parts[info.Sequence - 1] = text;
                pending.Received++;
            }
            if (pending.Received < info.Total) return null;
            _pending.Remove(key);
            return string.Concat(pending.Parts);
        }
    }

    /// <summary>Adds a received PDU: its text when it is a whole message or the last part, else null (also for binary data).</summary>
    public string? Add(IMessagePdu pdu, SmsTextOptions? options = null)
    {
        var content = MessageContent.Read(pdu, options);
        if (content.Text is null) return null;
        return content.Concatenation is { } info ? Add(pdu.SourceAddr, pdu.DestinationAddr, info, content.Text) : content.Text;
    }

    /// <summary>Removes and returns the messages that waited longer than <see cref="Timeout"/> for a missing part.</summary>
    public IReadOnlyList<IncompleteMessage> RemoveExpired()
    {
        var now = _time.GetUtcNow();
        List<IncompleteMessage>? expired = null;
        lock (_lock)
        {
            foreach (var (key, pending) in _pending)
            {
                if (pending.Deadline > now) continue;
                (expired ??= []).Add(new IncompleteMessage(key.Source, key.Destination, key.Reference, pending.Parts));
            }
            if (expired is null) return [];
            foreach (var message in expired) _pending.Remove((message.Source, message.Destination, message.Reference, message.Total));
        }
        return expired;
    }

    private sealed class Pending(string?[] parts, DateTimeOffset deadline)
    {
        public string?[] Parts { get; } = parts;
        public DateTimeOffset Deadline { get; } = deadline;
        public int Received { get; set; }
    }
}
