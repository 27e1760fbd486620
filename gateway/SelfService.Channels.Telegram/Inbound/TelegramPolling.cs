using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfService.Channels.Connections;
using SelfService.Messaging;
using SelfService.Storage.Channels;
using SelfService.Storage.Leases;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace SelfService.Channels.Telegram.Inbound;

/// <summary>
/// Long polling: getUpdates with the saved offset and a timeout, each update handled in order, and the offset saved
/// after each one is accepted. Telegram forgets updates below the offset we send next, so an update is never lost to a
/// crash: it is fetched again and the pipeline recognises it. Failures back off from ReconnectMinDelay to ReconnectMaxDelay.
/// Telegram allows one poller per bot (a second gets 409 Conflict): gateways sharing a store poll only while they hold the
/// bot's lease, and the offset and the messages they store carry its token, so one that lost it changes nothing.
/// </summary>
public sealed partial class TelegramPolling(
    ITelegramBotClient bot, TelegramUpdateHandler handler, ITelegramChatStore store, [FromKeyedServices(ChannelNames.Telegram)] ConnectionStatus connection,
    ConnectionLeases leases, IOptions<TelegramOptions> options, TimeProvider time, ILogger<TelegramPolling> logger) : BackgroundService
{
    /// <summary>What the bot asks for; everything else Telegram keeps to itself.</summary>
    internal static readonly UpdateType[] AllowedUpdates = [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.MyChatMember];

    /// <summary>The poll's lease: one per bot, named by the bot's id (the token's public part before the colon).</summary>
    internal static string LeaseName(TelegramOptions options) => "telegram:poll:" + options.Token.Split(':')[0];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        connection.Report(ConnectionState.Standby);
        await leases.HoldAsync(LeaseName(options.Value), PollWhileHeldAsync, stoppingToken);
    }

    private async Task PollWhileHeldAsync(HeldLease lease, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var fence = new ConnectionFence(lease.Name, lease.Token);
        try
        {
            await PollAsync(settings, fence, stoppingToken);
        }
        finally
        {
            connection.Report(ConnectionState.Standby);
        }
    }

    private async Task PollAsync(TelegramOptions settings, ConnectionFence fence, CancellationToken stoppingToken)
    {
        var delay = settings.ReconnectMinDelay;
        var webhookRemoved = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!webhookRemoved)
                {
                    // A webhook left over from Webhook mode makes getUpdates answer 409 Conflict.
                    await bot.DeleteWebhook(dropPendingUpdates: false, cancellationToken: stoppingToken);
                    webhookRemoved = true;
                }
                await PollOnceAsync(settings, fence, stoppingToken);
                connection.Report(ConnectionState.Up);
                delay = settings.ReconnectMinDelay;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                connection.Report(ConnectionState.Down);
                LogPollFailed(ex, delay);
                try
                {
                    await Task.Delay(delay, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                delay = settings.NextReconnectDelay(delay);
            }
        }
    }

    private async Task PollOnceAsync(TelegramOptions settings, ConnectionFence fence, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(settings.PollingTimeout + settings.RequestTimeout);
        var offset = await store.GetOffsetAsync(stoppingToken);
        var updates = await bot.GetUpdates(
            offset: (int)offset, limit: 100, timeout: (int)settings.PollingTimeout.TotalSeconds, allowedUpdates: AllowedUpdates,
            cancellationToken: timeout.Token);
        foreach (var update in updates)
        {
            await handler.HandleAsync(update, fence, stoppingToken);
            await store.SaveOffsetAsync(update.Id + 1L, new LeaseFence(fence.Lease, fence.Token), stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram getUpdates failed; polling again in {Delay}")]
    private partial void LogPollFailed(Exception exception, TimeSpan delay);
}
