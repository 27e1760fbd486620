using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace SelfService.Channels.Telegram.Inbound;

/// <summary>Webhook mode: tells Telegram where to post updates, with the secret it must send; retries until Telegram agrees.</summary>
public sealed partial class TelegramWebhookRegistration(
    ITelegramBotClient bot, IOptions<TelegramOptions> options, TimeProvider time, ILogger<TelegramWebhookRegistration> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var delay = settings.ReconnectMinDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                timeout.CancelAfter(settings.RequestTimeout);
                await bot.SetWebhook(settings.WebhookUrl!, secretToken: settings.WebhookSecret, allowedUpdates: TelegramPolling.AllowedUpdates,
                    cancellationToken: timeout.Token);
                LogRegistered(settings.WebhookUrl!);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogFailed(ex, delay);
                try
                {
                    await Task.Delay(delay, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                delay = settings.NextReconnectDelay(delay);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram will post updates to {WebhookUrl}")]
    private partial void LogRegistered(string webhookUrl);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram setWebhook failed; trying again in {Delay}")]
    private partial void LogFailed(Exception exception, TimeSpan delay);
}
