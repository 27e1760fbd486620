using Microsoft.Extensions.Hosting;

namespace SelfService.Channels.Sms;

/// <summary>Keeps the SMSC bind up while the gateway runs, and expires concatenated messages whose parts stopped coming.</summary>
public sealed class SmsChannelService(SmsAdapter adapter) : BackgroundService
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await adapter.Client.StartAsync(stoppingToken);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(SweepInterval, stoppingToken);
                await adapter.ExpireIncompleteAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await adapter.Client.StopAsync(cancellationToken);
    }
}
