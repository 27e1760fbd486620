using Microsoft.Extensions.Hosting;

namespace SelfService.Channels.Ussd;

/// <summary>Keeps the USSD bind (if it has one of its own) up while the gateway runs, and forgets sessions past their timeout.</summary>
internal sealed class UssdSmppService(UssdSmppTransport transport) : BackgroundService
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (transport.OwnBind is { } bind) await bind.StartAsync(stoppingToken);
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
        if (transport.OwnBind is { } bind) await bind.StopAsync(cancellationToken);
    }
}
