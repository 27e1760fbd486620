using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfService.Storage.Cluster;
using SelfService.Storage.Leases;
using SelfService.Storage.Messages;
using SelfService.Storage.Statistics;

namespace SelfService.Pipeline.Statistics;

/// <summary>
/// Keeps the <see cref="TrafficStatistics"/> across restarts and instances: at start it reads the stored hours back (this
/// instance's into its counters, the others' to show beside them) and counts again the messages accepted after the last
/// write (a kill -9 leaves a few seconds of them), then writes this instance's changed hours every
/// <see cref="PipelineOptions.StatisticsFlushInterval"/> and once more when the gateway stops, and tells the other
/// instances, which read the rows again (<see cref="ClusterTopics.Traffic"/>).
/// </summary>
/// <remarks>
/// The recount after a restart is exact for one instance. Beside live instances it is not: the messages they accepted
/// between their last write and this start are counted by them and again here, and a dead instance's messages after its
/// own last write but before another's are not counted; a few seconds of traffic either way, never a message itself.
/// </remarks>
public sealed partial class TrafficRollupService(
    TrafficStatistics statistics, ITrafficStatisticsStore store, IInboundLog inbound, InboundPipeline pipeline, IClusterEvents cluster,
    IOptions<PipelineOptions> options, IOptions<GatewayInstanceOptions> instance, TimeProvider time, ILogger<TrafficRollupService> logger)
    : BackgroundService
{
    private readonly TaskCompletionSource _restored = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _instance = instance.Value.ResolvedInstanceId;

    /// <summary>Completes once the stored figures are read back and the last run's unsaved messages counted again.</summary>
    internal Task Restored => _restored.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.StatisticsFlushInterval, time);
        try
        {
            await RestoreAsync(stoppingToken);
            _restored.TrySetResult();
            // A missed telling (null) is caught up the same way: the rows are read again.
            using var others = cluster.Subscribe(ClusterTopics.Traffic, (_, cancellationToken) => ShowOtherInstancesAsync(cancellationToken));
            while (await timer.WaitForNextTickAsync(stoppingToken)) await FlushAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await FlushAsync(CancellationToken.None);
    }

    private async Task RestoreAsync(CancellationToken cancellationToken)
    {
        try
        {
            var oldest = OldestKept();
            var stored = await store.SinceAsync(oldest, cancellationToken);
            statistics.Restore(stored.Where(IsThisInstances));
            statistics.ShowOtherInstances(stored.Where(row => !IsThisInstances(row)));
            var countedThrough = stored.Count == 0 ? oldest : stored.Max(h => h.CountedThrough);
            // Accepted by the last run after its last write; this run's own messages are counted as they come.
            var recounted = 0;
            foreach (var message in await inbound.SinceAsync(countedThrough, cancellationToken))
            {
                if (message.ReceivedAt <= countedThrough || message.ReceivedAt >= pipeline.StartedAt) continue;
                statistics.Count(message.Channel, message.SenderAddress, message.ReceivedAt);
                recounted++;
            }
            if (recounted > 0) LogRecounted(recounted);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The figures start from this run's messages; the dashboard says the store is failing.
            LogRestoreFailed(ex);
        }
    }

    private async Task ShowOtherInstancesAsync(CancellationToken cancellationToken)
    {
        try
        {
            var stored = await store.SinceAsync(OldestKept(), cancellationToken);
            statistics.ShowOtherInstances(stored.Where(row => !IsThisInstances(row)));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The other instances' figures stay as last read, until their next write tells again.
            LogOthersFailed(ex);
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        var changed = statistics.TakeChanged(_instance, time.GetUtcNow());
        try
        {
            await store.SaveAsync(changed, cancellationToken);
            if (changed.Count > 0) cluster.Publish(ClusterTopics.Traffic, _instance);
        }
        catch (Exception ex)
        {
            statistics.MarkUnsaved(changed);
            if (ex is not OperationCanceledException) LogFlushFailed(ex);
        }
    }

    private bool IsThisInstances(TrafficHour row) => string.Equals(row.Instance, _instance, StringComparison.Ordinal);

    private DateTimeOffset OldestKept() => TrafficStatistics.HourOf(time.GetUtcNow()).AddHours(-(TrafficStatistics.HoursKept - 1));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the other instances' traffic figures failed; they show as last read")]
    private partial void LogOthersFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Counted again {Count} messages accepted after the traffic figures were last stored")]
    private partial void LogRecounted(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the stored traffic figures failed; the dashboard counts from this start")]
    private partial void LogRestoreFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing the traffic figures failed; they are kept in memory and tried again")]
    private partial void LogFlushFailed(Exception exception);
}
