using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SelfService.Storage.Leases;

namespace SelfService.Storage.Instances;

/// <summary>
/// Says in the store, every third of a lease, that this instance is alive, so every instance's /health and dashboard show
/// it with when it was last seen. Instances gone for a day are forgotten at start. A beat that fails (the store is down) is
/// tried at the next; /health says why the store fails.
/// </summary>
public sealed partial class InstanceHeartbeat(IGatewayInstanceStore instances, ConnectionLeases leases, TimeProvider time, ILogger<InstanceHeartbeat> logger)
    : BackgroundService
{
    /// <summary>Instances not seen for this long are forgotten.</summary>
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromDays(1);

    private readonly DateTimeOffset _startedAt = time.GetUtcNow();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await instances.ForgetAsync(_startedAt - ForgetAfter, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogBeatFailed(ex);
        }
        using var timer = new PeriodicTimer(leases.Duration / 3, time);
        do
        {
            try
            {
                await instances.BeatAsync(leases.InstanceId, _startedAt, time.GetUtcNow(), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogBeatFailed(ex);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "This instance's heartbeat could not be stored; the next beat tries again")]
    private partial void LogBeatFailed(Exception exception);
}
