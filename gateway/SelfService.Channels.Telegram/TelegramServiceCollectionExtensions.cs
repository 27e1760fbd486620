using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SelfService.Channels.Connections;
using SelfService.Channels.Telegram.Inbound;
using SelfService.Messaging;
using SelfService.Storage.Leases;
using Telegram.Bot;

namespace SelfService.Channels.Telegram;

public static class TelegramServiceCollectionExtensions
{
    /// <summary>Registers the Telegram bot channel when "Channels:Telegram:Enabled" is true.</summary>
    public static IServiceCollection AddTelegramChannel(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(TelegramOptions.Section);
        services.AddOptions<TelegramOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>();
        if (!section.GetValue<bool>(nameof(TelegramOptions.Enabled))) return services;

        services.AddSingleton<ITelegramBotClient>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
            var baseUrl = string.IsNullOrWhiteSpace(options.ApiBaseUrl) ? null : options.ApiBaseUrl;
            // Only the outbox retries, so the library's own 429 retries are off. The HttpClient is the bot's own, not
            // IHttpClientFactory's, whose logging would write request URLs, and so the token, into the log.
            var clientOptions = new TelegramBotClientOptions(options.Token, baseUrl) { RetryCount = 0 };
            return new TelegramBotClient(clientOptions, new HttpClient { Timeout = Timeout.InfiniteTimeSpan });
        });
        services.AddSingleton<BotCommandMapper>();
        services.AddSingleton<TelegramUpdateMapper>();
        services.AddSingleton<TelegramAdapter>();
        services.AddSingleton<IChannelAdapter>(sp => sp.GetRequiredService<TelegramAdapter>());
        services.AddSingleton<TelegramUpdateHandler>();
        if (section.GetValue<TelegramMode>(nameof(TelegramOptions.Mode)) == TelegramMode.Webhook)
            services.AddHostedService<TelegramWebhookRegistration>();
        else
        {
            services.AddKeyedSingleton(ChannelNames.Telegram, new ConnectionStatus(ChannelNames.Telegram, "Bot API long polling"));
            services.AddSingleton<IChannelConnection>(sp => sp.GetRequiredKeyedService<ConnectionStatus>(ChannelNames.Telegram));
            services.AddConnectionLeases();
            services.AddHostedService<TelegramPolling>();
        }
        return services;
    }

    /// <summary>Maps the webhook route, which answers only in webhook mode.</summary>
    public static IEndpointRouteBuilder MapTelegram(this IEndpointRouteBuilder routes) => routes.MapTelegramWebhook();
}
