using Microsoft.Extensions.Hosting;
using SelfService.Storage.Leases;

namespace SelfService.Channels.Ussd;

/// <summary>
/// Keeps the USSD bind (if it has one of its own) up while this instance holds its lease (with LiteDB, always), and forgets
/// sessions past their timeout. A session lives on the instance whose bind carried it: one that loses the lease drops the
/// bind at once, and its open sessions end with it (the subscriber dials again, reaching the new owner).
/// </summary>
internal sealed class UssdSmppService(UssdSmppTransport transport, ConnectionLeases leases) : BackgroundService
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var bind = Task.CompletedTask;
        if (transport.OwnBind is not null)
        {
            transport.Standby = true;
            bind = leases.HoldAsync(UssdSmppTransport.LeaseName, transport.RunOwnBindAsync, stoppingToken);
        }
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
        await bind;
    }
}
