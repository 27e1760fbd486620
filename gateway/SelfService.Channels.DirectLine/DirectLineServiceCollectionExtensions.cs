using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SelfService.Channels.DirectLine.Streaming;
using SelfService.Channels.DirectLine.Transcript;

namespace SelfService.Channels.DirectLine;

public static class DirectLineServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Direct Line 3.0 channel, which Microsoft Web Chat talks to, when "Channels:DirectLine:Enabled" is true.
    /// Its settings are checked at start, each problem named.
    /// </summary>
    public static IServiceCollection AddDirectLineChannel(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(DirectLineOptions.Section);
        services.AddOptions<DirectLineOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DirectLineOptions>, DirectLineOptionsValidator>();
        if (!section.GetValue<bool>(nameof(DirectLineOptions.Enabled))) return services;

        services.AddSingleton<TokenSigningKeyLoader>();
        services.AddHostedService(sp => sp.GetRequiredService<TokenSigningKeyLoader>());
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DirectLineOptions>>().Value;
            return new DirectLineTokens(sp.GetRequiredService<TokenSigningKeyLoader>().Key, options.TokenLifetime, sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DirectLineOptions>>().Value;
            return new ActivityMapper(options.BotId, options.BotName);
        });
        services.AddSingleton<DirectLineAuthorizer>();
        services.AddSingleton<DirectLineTranscripts>();
        services.AddSingleton<ConversationStreams>();
        services.AddHostedService<DirectLineClusterBridge>();
        services.AddSingleton<IChannelAdapter, DirectLineAdapter>();
        services.AddTransient<IStartupFilter, WebSocketsStartupFilter>();
        return services;
    }

    /// <summary>
    /// Maps /v3/directline and the Web Chat page at "/". With the channel off, "/" leads to the foundation's page at /webchat.
    /// </summary>
    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder routes)
    {
        if (!routes.ServiceProvider.GetRequiredService<IOptions<DirectLineOptions>>().Value.Enabled)
        {
            routes.MapGet("/", () => TypedResults.Redirect("/webchat"));
            return routes;
        }
        return routes.MapDirectLineApi().MapWebChatPage();
    }
}
