using Microsoft.Extensions.DependencyInjection;

namespace SelfService.Channels.WebChat;

public static class WebChatServiceCollectionExtensions
{
    /// <summary>Registers the web chat channel; map its routes with <see cref="WebChatEndpoints.MapWebChat"/>.</summary>
    public static IServiceCollection AddWebChatChannel(this IServiceCollection services)
    {
        services.AddSingleton<WebChatConversations>();
        services.AddSingleton<IChannelAdapter, WebChatAdapter>();
        return services;
    }
}
