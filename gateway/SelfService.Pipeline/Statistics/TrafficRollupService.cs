using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfService.Storage.Messages;
using SelfService.Storage.Statistics;

namespace SelfService.Pipeline.Statistics;

/// <summary>
/// Keeps the <see cref="TrafficStatistics"/> across restarts: at start it reads the stored hours back and counts again the
/// messages accepted after the last write (a kill -9 leaves a few seconds of them), then writes the changed hours every
/// <see cref="PipelineOptions.StatisticsFlushInterval"/> and once more when the gateway stops.
/// </summary>
public sealed partial class TrafficRollupService(
    TrafficStatistics statistics, ITrafficStatisticsStore store, IInboundLog inbound, InboundPipeline pipeline,
    IOptions<PipelineOptions> options, TimeProvider time, ILogger<TrafficRollupService> logger) : BackgroundService
{
    private readonly TaskCompletionSource _restored = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the stored figures are read back and the last run's unsaved messages counted again.</summary>
    internal Task Restored => _restored.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.StatisticsFlushInterval, time);
        try
        {
            await RestoreAsync(stoppingToken);
            _restored.TrySetResult();
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
            var oldest = TrafficStatistics.HourOf(time.GetUtcNow()).AddHours(-(TrafficStatistics.HoursKept - 1));
            var stored = await store.SinceAsync(oldest, cancellationToken);
            statistics.Restore(stored);
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

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        var changed = statistics.TakeChanged(time.GetUtcNow());
        try
        {
            await store.SaveAsync(changed, cancellationToken);
        }
        catch (Exception ex)
        {
            statistics.MarkUnsaved(changed);
            if (ex is not OperationCanceledException) LogFlushFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Counted again {Count} messages accepted after the traffic figures were last stored")]
    private partial void LogRecounted(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the stored traffic figures failed; the dashboard counts from this start")]
    private partial void LogRestoreFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing the traffic figures failed; they are kept in memory and tried again")]
    private partial void LogFlushFailed(Exception exception);
}
