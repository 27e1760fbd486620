using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SelfService.Channels.Connections;

namespace SelfService.Channels.Ussd;

public static class UssdServiceCollectionExtensions
{
    /// <summary>
    /// Registers the USSD channel: the aggregators' HTTP callback when "Channels:Ussd:HttpEnabled" is true (map it with
    /// <see cref="UssdHttpEndpoints.MapUssd"/>) and, when "Channels:Ussd:Smpp:Enabled" is true, the SMPP bind. One adapter sends through both.
    /// </summary>
    public static IServiceCollection AddUssdChannel(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(UssdOptions.Section);
        services.AddOptions<UssdOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<UssdOptions>, UssdOptionsValidator>();
        services.AddSingleton<UssdReplyRendezvous>();
        services.AddSingleton<IUssdTransport, UssdHttpTransport>();
        if (section.GetValue<bool>($"{nameof(UssdOptions.Smpp)}:{nameof(UssdSmppOptions.Enabled)}"))
        {
            services.AddSingleton<UssdSmppTransport>();
            services.AddSingleton<IUssdTransport>(sp => sp.GetRequiredService<UssdSmppTransport>());
            services.AddHostedService<UssdSmppService>();
            services.AddSingleton<IChannelConnection>(sp =>
            {
                var smpp = sp.GetRequiredService<IOptions<UssdOptions>>().Value.Smpp.Connection;
                return new SmppBindConnection(ChannelNames.Ussd, $"SMPP {smpp.Host}:{smpp.Port} {smpp.BindMode}", sp.GetRequiredService<UssdSmppTransport>().Client);
            });
        }
        services.AddSingleton<IChannelAdapter>(sp => new UssdAdapter(sp.GetServices<IUssdTransport>()));
        return services;
    }
}
