using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SelfService.Channels.Connections;
using SelfService.Messaging;
using SelfService.Storage.Leases;

namespace SelfService.Channels.Sms;

/// <summary>
/// Keeps each SMSC bind up while this instance holds its lease (with LiteDB, always), and expires concatenated messages
/// whose parts stopped coming. A bind taken over from an instance that died has its leftovers finished here
/// (<see cref="IOrphanRecovery"/>).
/// </summary>
public sealed partial class SmsChannelService(SmsAdapter adapter, ConnectionLeases leases, IServiceProvider services, ILogger<SmsChannelService> logger)
    : BackgroundService
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(10);

    /// <summary>The binds of one channel spread over the instances (see <see cref="ConnectionLeases.HoldAsync"/>).</summary>
    private const string LeaseGroup = "sms";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var bind in adapter.Binds) bind.Standby = true;
        var binds = adapter.Binds.Select(bind => leases.HoldAsync(bind.LeaseName, (lease, lost) => RunBindAsync(bind, lease, lost), stoppingToken, LeaseGroup)).ToList();
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
        await Task.WhenAll(binds);
    }

    private async Task RunBindAsync(SmsBind bind, HeldLease lease, CancellationToken lost)
    {
        // Taken from an earlier holder (token 1 is the lease's first taking): what it accepted and left is finished here,
        // its replies sent on the bind before the bind lets new messages in.
        var recovery = lease.Token > 1 ? services.GetService<IOrphanRecovery>() : null;
        if (recovery is not null) bind.HoldInbound();
        var run = bind.RunAsync(lease, lost);
        if (recovery is not null)
        {
            try
            {
                await bind.Client.WaitUntilBoundAsync(lost);
                await recovery.RecoverAsync(new ConnectionFence(lease.Name, lease.Token), lost);
            }
            catch (Exception ex) when (!lost.IsCancellationRequested)
            {
                // Left for the outbox's own poll (a minute later) and the next start; new messages must not wait for it.
                LogRecoveryFailed(ex, lease.Name);
            }
            catch (OperationCanceledException)
            {
                // The lease went meanwhile: the bind is closing (below).
            }
            finally
            {
                bind.ReleaseInbound();
            }
        }
        await run;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Finishing what the previous owner of {Lease} left failed; the outbox sends it later")]
    private partial void LogRecoveryFailed(Exception exception, string lease);
}
