using SelfService.Channels.Connections;
using SelfService.Commands.Escalation;
using SelfService.Desk.Hubs;
using SelfService.Pipeline;

namespace SelfService.Desk.Dashboard;

/// <summary>
/// Computes the dashboard's figures from the store itself (so they survive restarts and agree with the history), at
/// most once every <see cref="CacheFor"/>: the dashboard, its pushes and /metrics all read the same snapshot.
/// </summary>
public sealed class OperationsFigures(
    MessageStore messages, EscalationQueue queue, AgentPresence presence, IEnumerable<IChannelConnection> connections, TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(2);
    private const int SeriesBuckets = 24;

    private readonly Lock _gate = new();
    private OperationsSnapshot? _last;

    public OperationsSnapshot Current()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_last is null || now - _last.At >= CacheFor) _last = Compute(now);
            return _last;
        }
    }

    private OperationsSnapshot Compute(DateTimeOffset now)
    {
        var since = now - Window;
        var inbound = messages.InboundSince(since);
        var tickets = queue.Since(since);
        var conversations = inbound.Select(m => m.Channel + "|" + m.SenderAddress).ToHashSet(StringComparer.Ordinal);
        var escalated = tickets.Select(t => t.Channel + "|" + t.Address).Where(conversations.Contains).ToHashSet(StringComparer.Ordinal);
        var waits = tickets.Where(t => t.TakenAt is not null).Select(t => t.TakenAt!.Value - t.EnqueuedAt).Order().ToList();
        var (backlog, failed) = messages.OutboxCounts();

        return new OperationsSnapshot(
            now, Window,
            inbound.GroupBy(m => m.Channel).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            Series(inbound, since),
            conversations.Count, escalated.Count, tickets.Count, queue.Waiting().Count,
            waits.Count == 0 ? null : TimeSpan.FromTicks((long)waits.Average(w => w.Ticks)),
            waits.Count == 0 ? null : waits[(int)Math.Ceiling(waits.Count * 0.9) - 1],
            presence.Online.Count,
            [.. connections.Select(c => new ConnectionFigure(c.Channel, c.Name, c.State))],
            backlog, failed);
    }

    private static List<ChannelSeries> Series(IReadOnlyList<InboundSummary> inbound, DateTimeOffset since)
    {
        var bucket = Window / SeriesBuckets;
        return [.. inbound.GroupBy(m => m.Channel).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var counts = new int[SeriesBuckets];
            foreach (var message in g) counts[Math.Clamp((int)((message.ReceivedAt - since) / bucket), 0, SeriesBuckets - 1)]++;
            return new ChannelSeries(g.Key, counts);
        })];
    }
}
