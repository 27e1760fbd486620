using System.Security.Cryptography;
using System.Text;
using LiteDB;

namespace SelfService.Channels.Sms;

/// <summary>
/// SMPP 3.4 gives a mobile-originated message no id, and an SMSC redelivers a deliver_sm whose response it did not
/// get. A redelivery is byte-for-byte the same message from the same number, so the channel message id is a hash of
/// its content plus the moment the gateway first saw it; the first sighting is stored before the message is accepted,
/// so a redelivery (even after a crash and restart) maps to the same id and the pipeline recognises it.
/// The price: the same text from the same number twice within <see cref="SmsOptions.DuplicateWindow"/> counts once.
/// </summary>
internal sealed class MoDeduplicator
{
    private readonly ILiteCollection<SeenMo> _seen;
    private readonly TimeSpan _window;
    private readonly Lock _gate = new();

    public MoDeduplicator(ILiteDatabase database, TimeSpan window)
    {
        _seen = database.GetCollection<SeenMo>("sms_mo_seen");
        _window = window;
    }

    /// <summary>The channel message id for this content now: the same id for a redelivery within the window.</summary>
    public string ChannelMessageId(string source, string destination, byte dataCoding, ReadOnlySpan<byte> content, DateTimeOffset now)
    {
        var key = Key(source, destination, dataCoding, content);
        if (_window <= TimeSpan.Zero) return key + ":" + now.UtcTicks;
        lock (_gate)
        {
            var seen = _seen.FindById(key);
            if (seen is null || now - seen.FirstSeenAt > _window)
            {
                // Whole milliseconds: what LiteDB keeps, so the id read back after a restart is the same.
                seen = new SeenMo { Id = key, FirstSeenAt = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero) };
                _seen.Upsert(seen);
            }
            return key + ":" + seen.FirstSeenAt.UtcTicks;
        }
    }

    /// <summary>Forgets sightings older than the window, so the collection stays small.</summary>
    public int Sweep(DateTimeOffset now)
    {
        var cutoff = now - _window;
        return _seen.DeleteMany(s => s.FirstSeenAt < cutoff);
    }

    private static string Key(string source, string destination, byte dataCoding, ReadOnlySpan<byte> content)
    {
        var head = Encoding.UTF8.GetBytes($"{source}|{destination}|{dataCoding}|");
        var buffer = new byte[head.Length + content.Length];
        head.CopyTo(buffer, 0);
        content.CopyTo(buffer.AsSpan(head.Length));
        return Convert.ToHexString(SHA256.HashData(buffer).AsSpan(0, 16));
    }

    private sealed class SeenMo
    {
        public string Id { get; set; } = "";
        public DateTimeOffset FirstSeenAt { get; set; }
    }
}
