using SelfService.Channels.Connections;
using SelfService.Commands.Escalation;
using SelfService.Desk.Hubs;
using SelfService.Pipeline.Statistics;
using SelfService.Storage.Instances;
using SelfService.Storage.Messages;

namespace SelfService.Desk.Dashboard;

/// <summary>
/// The dashboard's figures over the clock hour in progress and the 23 before it: traffic from the running counters
/// (<see cref="TrafficStatistics"/>, kept across restarts), escalations and backlog from the store's indexes; no message
/// is scanned. The instances on the store and what each owns come from their heartbeats and the leases. Computed at most once every <see cref="CacheFor"/>: the dashboard, its pushes and /metrics all read the
/// same snapshot.
/// </summary>
public sealed class OperationsFigures(
    TrafficStatistics traffic, IOutbox outbox, EscalationQueue queue, AgentPresence presence, IEnumerable<IChannelConnection> connections,
    ClusterView cluster, TimeProvider time)
    : IDisposable
{
    public const int Hours = 24;
    public static readonly TimeSpan Window = TimeSpan.FromHours(Hours);
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(2);

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
        var window = traffic.Read(Hours);
        var outbound = traffic.ReadOutbound(Hours);
        var tickets = await queue.SinceAsync(window.FirstHour, cancellationToken);
        var waiting = await queue.WaitingAsync(null, cancellationToken);
        var escalated = tickets.Select(t => t.Channel + "|" + t.Address).ToHashSet(StringComparer.Ordinal);
        var waits = tickets.Where(t => t.TakenAt is not null).Select(t => t.TakenAt!.Value - t.EnqueuedAt).Order().ToList();
        var (backlog, failed) = await outbox.CountsAsync(cancellationToken);
        var instances = await cluster.ReadAsync(cancellationToken);

        return new OperationsSnapshot(
            now, Window,
            window.MessagesByChannel.ToDictionary(c => c.Key, c => (int)c.Value.Sum()),
            [.. window.MessagesByChannel.Select(c => new ChannelSeries(c.Key, [.. c.Value.Select(n => (int)n)]))],
            (int)window.Conversations, Math.Min(escalated.Count, (int)window.Conversations), tickets.Count, waiting.Count,
            waits.Count == 0 ? null : TimeSpan.FromTicks((long)waits.Average(w => w.Ticks)),
            waits.Count == 0 ? null : waits[(int)Math.Ceiling(waits.Count * 0.9) - 1],
            presence.Online.Count,
            [.. connections.Select(c => new ConnectionFigure(c.Channel, c.Name, c.State))],
            backlog, failed,
            outbound.CampaignByChannel.ToDictionary(c => c.Key, c => (int)c.Value), outbound.RepliesByChannel.ToDictionary(c => c.Key, c => (int)c.Value),
            instances, traffic.ReadCalls(Hours));
    }
}
