using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfService.Storage;

namespace SelfService.Pipeline;

/// <summary>Keeps the store bounded: every <see cref="RetentionOptions.Interval"/>, deletes what the retention no longer keeps.</summary>
public sealed partial class RetentionService(
    IStorageMaintenance storage, IOptions<RetentionOptions> options, TimeProvider time, ILogger<RetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var policy = new RetentionPolicy(settings.Inbound, settings.Outbox, settings.History)
        {
            Conversations = settings.Conversations, UnlinkedConversations = settings.UnlinkedConversations, Statistics = settings.Statistics,
        };
        using var timer = new PeriodicTimer(settings.Interval, time);
        try
        {
            do
            {
                try
                {
                    var report = await storage.PurgeAsync(policy, time.GetUtcNow(), stoppingToken);
                    if (report.Inbound + report.Outbox + report.History + report.Conversations + report.StatisticsHours > 0)
                        LogPurged(report.Inbound, report.Outbox, report.History, report.Conversations, report.StatisticsHours);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogPurgeFailed(ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Retention deleted {Inbound} inbound messages, {Outbox} replies, {History} history lines, {Conversations} idle web conversations and {Hours} hours of traffic figures")]
    private partial void LogPurged(int inbound, int outbox, int history, int conversations, int hours);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging the store failed; it is tried again at the next interval")]
    private partial void LogPurgeFailed(Exception exception);
}
