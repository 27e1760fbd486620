using MailKit;
using MailKit.Net.Imap;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfService.Channels.Connections;
using SelfService.Messaging;
using SelfService.Storage.Leases;

namespace SelfService.Channels.Email.Inbound;

/// <summary>
/// Keeps watch on the special mailbox while the gateway runs: connects over IMAP, handles what arrived, then waits
/// in IDLE (RFC 2177) until the server reports new mail, renewing the IDLE every <see cref="ImapOptions.IdleRefresh"/>;
/// a server without IDLE is polled every <see cref="ImapOptions.PollInterval"/>. Any failure drops the connection,
/// and the watcher connects again after a delay that doubles from <see cref="ImapOptions.ReconnectMinDelay"/> up to
/// <see cref="ImapOptions.ReconnectMaxDelay"/>. Nothing is lost meanwhile: the mail waits on the server.
/// </summary>
/// <remarks>
/// Gateways sharing a store watch the mailbox one at a time: only the holder of its lease ("email:imap") connects, and
/// the mail it stores carries the lease's token, so one that lost the lease stores nothing more.
/// </remarks>
internal sealed partial class MailboxWatcher(
    IOptions<EmailOptions> options, MailboxProcessor processor, [FromKeyedServices(ChannelNames.Email)] ConnectionStatus connection, ConnectionLeases leases,
    TimeProvider time, ILogger<MailboxWatcher> logger)
    : BackgroundService
{
    internal const string LeaseName = "email:imap";

    private readonly ImapOptions _imap = options.Value.Imap;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        connection.Report(ConnectionState.Standby);
        await leases.HoldAsync(LeaseName, WatchWhileHeldAsync, stoppingToken);
    }

    private async Task WatchWhileHeldAsync(HeldLease lease, CancellationToken stoppingToken)
    {
        processor.Fence = new ConnectionFence(lease.Name, lease.Token);
        try
        {
            await WatchAsync(stoppingToken);
        }
        finally
        {
            processor.Fence = null;
            connection.Report(ConnectionState.Standby);
        }
    }

    private async Task WatchAsync(CancellationToken stoppingToken)
    {
        var delay = _imap.ReconnectMinDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var client = new ImapClient();
                await client.ConnectAsync(_imap.Host, _imap.Port, _imap.Security.ToSocketOptions(), stoppingToken);
                await client.AuthenticateAsync(_imap.UserName, _imap.Password, stoppingToken);
                var folder = await client.GetFolderAsync(_imap.Folder, stoppingToken);
                await folder.OpenAsync(FolderAccess.ReadWrite, stoppingToken);
                var marker = await MarkerForAsync(client, folder, stoppingToken);
                var idle = client.Capabilities.HasFlag(ImapCapabilities.Idle);
                LogWatching(_imap.Folder, _imap.Host, _imap.Port, idle ? "IDLE" : "polling");
                connection.Report(ConnectionState.Up);
                delay = _imap.ReconnectMinDelay;
                using var arrivals = new MailArrivals(folder);
                while (!stoppingToken.IsCancellationRequested)
                {
                    arrivals.Reset();
                    await processor.ProcessNewAsync(folder, marker, stoppingToken);
                    // The server may report new mail in answer to any command, also while the last pass ran.
                    if (arrivals.Seen) continue;
                    if (idle) await arrivals.IdleAsync(client, _imap.IdleRefresh, time, stoppingToken);
                    else await PollAsync(client, stoppingToken);
                }
                await client.DisconnectAsync(quit: true, CancellationToken.None);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // The channel's edge: whatever went wrong (server gone, login refused, a bug on one message), the
                // watcher starts over later rather than stopping the channel.
                connection.Report(ConnectionState.Down);
                LogConnectionLost(ex, _imap.Host, _imap.Port, delay);
                try
                {
                    await Task.Delay(delay, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _imap.ReconnectMaxDelay.Ticks));
            }
        }
    }

    private async Task<ProcessedMarker> MarkerForAsync(ImapClient client, IMailFolder folder, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(_imap.ProcessedFolder))
            return new ProcessedMarker(folder, await ProcessedFolderAsync(client, cancellationToken));
        if (!folder.PermanentFlags.HasFlag(MessageFlags.UserDefined) && !folder.PermanentKeywords.Contains(ProcessedMarker.Keyword))
            throw new InvalidOperationException(
                $"The IMAP server keeps no keywords in {_imap.Folder}; set {EmailOptions.Section}:Imap:ProcessedFolder so processed mail is moved instead.");
        return new ProcessedMarker(folder, null);
    }

    /// <summary>The configured processed folder, created at the top of the personal namespace when it does not exist yet.</summary>
    private async Task<IMailFolder> ProcessedFolderAsync(ImapClient client, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetFolderAsync(_imap.ProcessedFolder, cancellationToken);
        }
        catch (FolderNotFoundException)
        {
            var root = client.GetFolder(client.PersonalNamespaces[0]);
            var created = await root.CreateAsync(_imap.ProcessedFolder, isMessageFolder: true, cancellationToken)
                ?? throw new InvalidOperationException($"The IMAP server did not create the folder {_imap.ProcessedFolder}");
            LogFolderCreated(created.FullName);
            return created;
        }
    }

    /// <summary>Waits a poll interval; the NOOP lets the server report what arrived and keeps the connection alive.</summary>
    private async Task PollAsync(ImapClient client, CancellationToken cancellationToken)
    {
        await Task.Delay(_imap.PollInterval, time, cancellationToken);
        await client.NoOpAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching {Folder} on {Host}:{Port} ({Mode})")]
    private partial void LogWatching(string folder, string host, int port, string mode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the IMAP folder {Folder} for processed mail")]
    private partial void LogFolderCreated(string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The IMAP connection to {Host}:{Port} failed; connecting again in {Delay}")]
    private partial void LogConnectionLost(Exception exception, string host, int port, TimeSpan delay);
}
