using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfService.Channels.Connections;
using SelfService.Messaging;
using SelfService.Storage.Channels;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace SelfService.Channels.Telegram.Inbound;

/// <summary>
/// Long polling: getUpdates with the saved offset and a timeout, each update handled in order, and the offset saved
/// after each one is accepted. Telegram forgets updates below the offset we send next, so an update is never lost to a
/// crash: it is fetched again and the pipeline recognises it. Failures back off from ReconnectMinDelay to ReconnectMaxDelay.
/// </summary>
public sealed partial class TelegramPolling(
    ITelegramBotClient bot, TelegramUpdateHandler handler, ITelegramChatStore store, [FromKeyedServices(ChannelNames.Telegram)] ConnectionStatus connection,
    IOptions<TelegramOptions> options, TimeProvider time, ILogger<TelegramPolling> logger) : BackgroundService
{
    /// <summary>What the bot asks for; everything else Telegram keeps to itself.</summary>
    internal static readonly UpdateType[] AllowedUpdates = [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.MyChatMember];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
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
                await PollOnceAsync(settings, stoppingToken);
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

    private async Task PollOnceAsync(TelegramOptions settings, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(settings.PollingTimeout + settings.RequestTimeout);
        var offset = await store.GetOffsetAsync(stoppingToken);
        var updates = await bot.GetUpdates(
            offset: (int)offset, limit: 100, timeout: (int)settings.PollingTimeout.TotalSeconds, allowedUpdates: AllowedUpdates,
            cancellationToken: timeout.Token);
        foreach (var update in updates)
        {
            await handler.HandleAsync(update, stoppingToken);
            await store.SaveOffsetAsync(update.Id + 1L, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram getUpdates failed; polling again in {Delay}")]
    private partial void LogPollFailed(Exception exception, TimeSpan delay);
}
