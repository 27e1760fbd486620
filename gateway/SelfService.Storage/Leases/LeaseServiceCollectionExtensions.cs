using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SelfService.Storage.Leases;

public static class LeaseServiceCollectionExtensions
{
    /// <summary>
    /// Registers the keeper of connection leases (once, whoever asks first: each channel with a stateful connection does).
    /// The host binds <see cref="GatewayInstanceOptions"/> from "Gateway"; unbound, the defaults hold.
    /// </summary>
    public static IServiceCollection AddConnectionLeases(this IServiceCollection services)
    {
        services.AddOptions<GatewayInstanceOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ConnectionLeases>();
        return services;
    }
}
