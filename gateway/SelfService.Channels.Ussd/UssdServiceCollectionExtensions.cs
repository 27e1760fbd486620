using Microsoft.Extensions.DependencyInjection;

namespace SelfService.Channels.Ussd;

public static class UssdServiceCollectionExtensions
{
    /// <summary>Registers the USSD channel; map the aggregator callback with <see cref="UssdHttpEndpoints.MapUssd"/>.</summary>
    public static IServiceCollection AddUssdChannel(this IServiceCollection services)
    {
        services.AddOptions<UssdOptions>().BindConfiguration(UssdOptions.Section);
        services.AddSingleton<UssdReplyRendezvous>();
        services.AddSingleton<IChannelAdapter>(sp => new UssdAdapter(sp.GetRequiredService<UssdReplyRendezvous>()));
        return services;
    }
}
