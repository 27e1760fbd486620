using SelfService.Storage.Statistics;

namespace SelfService.Pipeline.Statistics;

/// <summary>
/// Running counters of inbound traffic per channel and clock hour, counted as messages are accepted: what the dashboard
/// and /metrics show, read without scanning a message. The last <see cref="HoursKept"/> hours stay in memory; the
/// <see cref="TrafficRollupService"/> writes the changed hours to the store every few seconds and reads them back at start.
/// Where several instances share the store, each counts what it accepted and writes rows of its own; the figures read here
/// are this instance's counters plus the other instances' rows as last stored (<see cref="ShowOtherInstances"/>).
/// </summary>
public sealed class TrafficStatistics(TimeProvider time)
{
    /// <summary>A day and the hour in progress.</summary>
    public const int HoursKept = 25;

    private readonly Lock _gate = new();
    private readonly Dictionary<(DateTimeOffset Hour, string Channel), Bucket> _buckets = [];
    private IReadOnlyDictionary<(DateTimeOffset Hour, string Channel), Bucket> _otherInstances = new Dictionary<(DateTimeOffset, string), Bucket>();

    /// <summary>Counts one accepted message of <paramref name="sender"/> on <paramref name="channel"/>.</summary>
    public void Count(string channel, string sender, DateTimeOffset receivedAt)
    {
        lock (_gate)
        {
            var bucket = BucketOf(HourOf(receivedAt), channel);
            bucket.Messages++;
            // A conversation is a sender on a channel: the same number on SMS and USSD is two.
            bucket.Senders.Add(channel + "|" + sender);
            bucket.Dirty = true;
        }
    }

    /// <summary>
    /// Counts one message sent out on <paramref name="channel"/>: a campaign's, or any other (a reply, a notice). Kept in
    /// the same hours and rows as the inbound counts, under a channel name of their own (<see cref="OutboundPrefix"/>), so
    /// they are stored and restored with them; they are no conversations and no inbound traffic.
    /// </summary>
    public void CountOutbound(string channel, bool campaign, DateTimeOffset sentAt)
    {
        lock (_gate)
        {
            var bucket = BucketOf(HourOf(sentAt), OutboundPrefix + (campaign ? "campaign:" : "reply:") + channel);
            bucket.Messages++;
            bucket.Dirty = true;
        }
    }

    /// <summary>What an outbound count's channel name begins with; no channel's own name does.</summary>
    public const string OutboundPrefix = "outbound.";

    /// <summary>
    /// Counts one call of the voice menu that ended with <paramref name="outcome"/> after the caller took
    /// <paramref name="steps"/> steps past the number they dialled. Kept beside the messages, under names of their own
    /// (<see cref="CallPrefix"/>): a row per outcome, and one of the steps of them all.
    /// </summary>
    public void CountCall(string outcome, int steps, DateTimeOffset endedAt)
    {
        lock (_gate)
        {
            var hour = HourOf(endedAt);
            var calls = BucketOf(hour, CallPrefix + outcome);
            calls.Messages++;
            calls.Dirty = true;
            var path = BucketOf(hour, CallStepsKey);
            path.Messages += steps;
            path.Dirty = true;
        }
    }

    /// <summary>What a call count's name begins with; no channel's own name does.</summary>
    public const string CallPrefix = "call.";

    private const string CallStepsKey = CallPrefix + "steps";

    /// <summary>Calls over the clock hour in progress and the <paramref name="hours"/> - 1 before it: how many ended each way, and their steps.</summary>
    public CallWindow ReadCalls(int hours)
    {
        var current = HourOf(time.GetUtcNow());
        var first = current.AddHours(-(hours - 1));
        var outcomes = new SortedDictionary<string, long>(StringComparer.Ordinal);
        long steps = 0;
        lock (_gate)
        {
            foreach (var ((hour, key), bucket) in _buckets.Concat(_otherInstances))
            {
                if (hour < first || hour > current || !key.StartsWith(CallPrefix, StringComparison.Ordinal)) continue;
                if (key == CallStepsKey) steps += bucket.Messages;
                else outcomes[key[CallPrefix.Length..]] = outcomes.GetValueOrDefault(key[CallPrefix.Length..]) + bucket.Messages;
            }
        }
        return new CallWindow(outcomes, steps);
    }

    /// <summary>An inbound channel's row, not one of the other counts kept beside them.</summary>
    private static bool IsInbound(string key) =>
        !key.StartsWith(OutboundPrefix, StringComparison.Ordinal) && !key.StartsWith(CallPrefix, StringComparison.Ordinal);

    /// <summary>Messages sent over the clock hour in progress and the <paramref name="hours"/> - 1 before it, per channel: campaigns' and the rest.</summary>
    public OutboundWindow ReadOutbound(int hours)
    {
        var current = HourOf(time.GetUtcNow());
        var first = current.AddHours(-(hours - 1));
        var campaigns = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var replies = new SortedDictionary<string, long>(StringComparer.Ordinal);
        lock (_gate)
        {
            foreach (var ((hour, key), bucket) in _buckets.Concat(_otherInstances))
            {
                if (hour < first || hour > current || !key.StartsWith(OutboundPrefix, StringComparison.Ordinal)) continue;
                var kind = key[OutboundPrefix.Length..];
                var (counts, channel) = kind.StartsWith("campaign:", StringComparison.Ordinal) ? (campaigns, kind["campaign:".Length..]) : (replies, kind["reply:".Length..]);
                counts[channel] = counts.GetValueOrDefault(channel) + bucket.Messages;
            }
        }
        return new OutboundWindow(campaigns, replies);
    }

    /// <summary>The clock hour in progress and the <paramref name="hours"/> - 1 before it, oldest first.</summary>
    public TrafficWindow Read(int hours)
    {
        var current = HourOf(time.GetUtcNow());
        var first = current.AddHours(-(hours - 1));
        var byChannel = new SortedDictionary<string, long[]>(StringComparer.Ordinal);
        var senders = new DistinctSenders();
        lock (_gate)
        {
            foreach (var ((hour, channel), bucket) in _buckets.Concat(_otherInstances))
            {
                if (hour < first || hour > current || !IsInbound(channel)) continue;
                if (!byChannel.TryGetValue(channel, out var counts)) byChannel[channel] = counts = new long[hours];
                counts[(int)(hour - first).TotalHours] += bucket.Messages;
                senders.Merge(bucket.Senders);
            }
        }
        return new TrafficWindow(first, byChannel, senders.Count);
    }

    /// <summary>
    /// Replaces what is shown of the other instances' traffic with their stored rows (every row not this instance's: other
    /// instances alive or gone, and rows stored before instances had rows of their own). Several rows of one hour and
    /// channel add up.
    /// </summary>
    internal void ShowOtherInstances(IEnumerable<TrafficHour> rows)
    {
        var others = new Dictionary<(DateTimeOffset, string), Bucket>();
        foreach (var row in rows)
        {
            if (!others.TryGetValue((row.Hour, row.Channel), out var bucket)) others[(row.Hour, row.Channel)] = bucket = new Bucket();
            bucket.Messages += row.Messages;
            bucket.Senders.Merge(DistinctSenders.Read(row.Senders));
        }
        lock (_gate) _otherInstances = others;
    }

    /// <summary>Merges this instance's hours read from the store into its counters (at start, before or while new messages are counted).</summary>
    internal void Restore(IEnumerable<TrafficHour> hours)
    {
        lock (_gate)
        {
            foreach (var stored in hours)
            {
                var bucket = BucketOf(stored.Hour, stored.Channel);
                bucket.Messages += stored.Messages;
                bucket.Senders.Merge(DistinctSenders.Read(stored.Senders));
                // Unchanged by this alone: what memory holds beyond the stored row was counted here, and marked so.
            }
        }
    }

    /// <summary>
    /// The hours changed since the last call, as rows of <paramref name="instance"/> to store (stamped
    /// <paramref name="countedThrough"/>); hours older than <see cref="HoursKept"/> leave memory once taken. A caller whose
    /// write fails hands them to <see cref="MarkUnsaved"/>.
    /// </summary>
    internal IReadOnlyList<TrafficHour> TakeChanged(string instance, DateTimeOffset countedThrough)
    {
        var oldestKept = HourOf(time.GetUtcNow()).AddHours(-(HoursKept - 1));
        var rows = new List<TrafficHour>();
        lock (_gate)
        {
            foreach (var ((hour, channel), bucket) in _buckets.ToList())
            {
                if (bucket.Dirty)
                {
                    rows.Add(new TrafficHour
                    {
                        Hour = hour, Channel = channel, Instance = instance, Messages = bucket.Messages, Senders = bucket.Senders.Write(),
                        CountedThrough = countedThrough,
                    });
                    bucket.Dirty = false;
                }
                if (hour < oldestKept) _buckets.Remove((hour, channel));
            }
        }
        return rows;
    }

    /// <summary>The rows of a <see cref="TakeChanged"/> whose write failed: written again next time, if still in memory.</summary>
    internal void MarkUnsaved(IEnumerable<TrafficHour> rows)
    {
        lock (_gate)
        {
            foreach (var row in rows)
                if (_buckets.TryGetValue((row.Hour, row.Channel), out var bucket)) bucket.Dirty = true;
        }
    }

    public static DateTimeOffset HourOf(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }

    private Bucket BucketOf(DateTimeOffset hour, string channel)
    {
        if (!_buckets.TryGetValue((hour, channel), out var bucket)) _buckets[(hour, channel)] = bucket = new Bucket();
        return bucket;
    }

    private sealed class Bucket
    {
        public long Messages;
        public readonly DistinctSenders Senders = new();
        public bool Dirty;
    }
}

/// <summary>Inbound messages per channel per hour from <paramref name="FirstHour"/> on, and the distinct conversations among them.</summary>
public sealed record TrafficWindow(DateTimeOffset FirstHour, IReadOnlyDictionary<string, long[]> MessagesByChannel, long Conversations);

/// <summary>Calls of the voice menu by how they ended (<c>CallOutcome</c>'s names), and the steps callers took in all.</summary>
public sealed record CallWindow(IReadOnlyDictionary<string, long> ByOutcome, long Steps);

/// <summary>Messages sent per channel: campaigns' apart from the rest (replies, agents' answers, notices).</summary>
public sealed record OutboundWindow(IReadOnlyDictionary<string, long> CampaignByChannel, IReadOnlyDictionary<string, long> RepliesByChannel);
