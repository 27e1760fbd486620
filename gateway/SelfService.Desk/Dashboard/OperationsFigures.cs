using SelfService.Channels.Connections;
using SelfService.Commands.Escalation;
using SelfService.Desk.Hubs;
using SelfService.Storage.Messages;

namespace SelfService.Desk.Dashboard;

/// <summary>
/// Computes the dashboard's figures from the store itself (so they survive restarts and agree with the history), at
/// most once every <see cref="CacheFor"/>: the dashboard, its pushes and /metrics all read the same snapshot.
/// </summary>
public sealed class OperationsFigures(
    IInboundLog inboundLog, IOutbox outbox, EscalationQueue queue, AgentPresence presence, IEnumerable<IChannelConnection> connections, TimeProvider time)
    : IDisposable
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(2);
    private const int SeriesBuckets = 24;

    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private OperationsSnapshot? _last;

    /// <summary>The snapshot, computed anew when the last one is older than <see cref="CacheFor"/>.</summary>
    public async Task<OperationsSnapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        if (Fresh(Volatile.Read(ref _last)) is { } last) return last;
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(_last) is { } computed) return computed;
            var snapshot = await ComputeAsync(time.GetUtcNow(), cancellationToken);
            Volatile.Write(ref _last, snapshot);
            return snapshot;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <summary>
    /// For gauges, which are read synchronously when /metrics is scraped: the latest snapshot (the dashboard keeps it fresh
    /// while it is open), and a refresh in the background when it is stale.
    /// </summary>
    public OperationsSnapshot? Observe()
    {
        var last = Volatile.Read(ref _last);
        if (Fresh(last) is null) _ = RefreshQuietlyAsync();
        return last;
    }

    public void Dispose() => _refreshing.Dispose();

    private OperationsSnapshot? Fresh(OperationsSnapshot? snapshot) =>
        snapshot is not null && time.GetUtcNow() - snapshot.At < CacheFor ? snapshot : null;

    private async Task RefreshQuietlyAsync()
    {
        try
        {
            await CurrentAsync(CancellationToken.None);
        }
        catch (Exception)
        {
            // A gauge shows the last figures it had; the dashboard reports the store's failure.
        }
    }

    private async Task<OperationsSnapshot> ComputeAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = now - Window;
        var inbound = await inboundLog.SinceAsync(since, cancellationToken);
        var tickets = await queue.SinceAsync(since, cancellationToken);
        var waiting = await queue.WaitingAsync(null, cancellationToken);
        var conversations = inbound.Select(m => m.Channel + "|" + m.SenderAddress).ToHashSet(StringComparer.Ordinal);
        var escalated = tickets.Select(t => t.Channel + "|" + t.Address).Where(conversations.Contains).ToHashSet(StringComparer.Ordinal);
        var waits = tickets.Where(t => t.TakenAt is not null).Select(t => t.TakenAt!.Value - t.EnqueuedAt).Order().ToList();
        var (backlog, failed) = await outbox.CountsAsync(cancellationToken);

        return new OperationsSnapshot(
            now, Window,
            inbound.GroupBy(m => m.Channel).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            Series(inbound, since),
            conversations.Count, escalated.Count, tickets.Count, waiting.Count,
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
