using Microsoft.Extensions.Hosting;

namespace SelfService.Channels.Ussd;

/// <summary>Keeps the USSD bind up while the gateway runs, and forgets sessions past their timeout.</summary>
internal sealed class UssdSmppService(UssdSmppTransport transport) : BackgroundService
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await transport.Client.StartAsync(stoppingToken);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(SweepInterval, stoppingToken);
                transport.Sweep();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await transport.Client.StopAsync(cancellationToken);
    }
}
