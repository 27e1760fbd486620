using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SelfService.Channels.Connections;
using SelfService.Channels.Smpp;
using SelfService.Messaging;
using SelfService.Storage.Leases;

namespace SelfService.Channels.Ussd;

public static class UssdServiceCollectionExtensions
{
    /// <summary>
    /// Registers the USSD channel: the aggregators' HTTP callback when "Channels:Ussd:HttpEnabled" is true (map it with
    /// <see cref="UssdHttpEndpoints.MapUssd"/>) and, when "Channels:Ussd:Smpp:Enabled" is true, USSD over SMPP: on a bind of its
    /// own, or on the SMS channel's bind with "Channels:Ussd:Smpp:OnSmsBind". One adapter sends through both.
    /// </summary>
    public static IServiceCollection AddUssdChannel(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(UssdOptions.Section);
        services.AddOptions<UssdOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<UssdOptions>, UssdOptionsValidator>();
        services.AddSingleton<UssdReplyRendezvous>();
        services.AddSingleton<IUssdTransport, UssdHttpTransport>();
        if (section.GetValue<bool>(nameof(UssdOptions.HttpEnabled)) && section.GetValue<bool>(nameof(UssdOptions.AllowUnauthenticatedInDevelopment))
            && string.IsNullOrEmpty(section[nameof(UssdOptions.ApiKey)]) && !section.GetSection(nameof(UssdOptions.AllowedSources)).GetChildren().Any())
        {
            // The validator lets this start only in Development; even there the operator sees it on the dashboard, not only in the log.
            services.AddSingleton(new OperatorWarning(
                "The USSD callback accepts anyone as any subscriber (Channels:Ussd:AllowUnauthenticatedInDevelopment). Development only: set Channels:Ussd:ApiKey or AllowedSources.",
                "USSD-колбэк принимает любого как любого абонента (Channels:Ussd:AllowUnauthenticatedInDevelopment). Только для разработки: задайте Channels:Ussd:ApiKey или AllowedSources."));
        }
        var smpp = section.GetSection(nameof(UssdOptions.Smpp));
        if (smpp.GetValue<bool>(nameof(UssdSmppOptions.Enabled)))
        {
            services.AddSingleton<UssdSmppTransport>();
            // Its own bind is held under a lease, so one instance among those sharing a store has it open.
            services.AddConnectionLeases();
            services.AddSingleton<IUssdTransport>(sp => sp.GetRequiredService<UssdSmppTransport>());
            services.AddHostedService<UssdSmppService>();
            if (smpp.GetValue<bool>(nameof(UssdSmppOptions.OnSmsBind)))
            {
                // The SMS bind offers USSD to the transport; that bind's health is the SMS channel's.
                services.AddSingleton<SelfService.Smpp.ISmppSharedBindHandler>(sp => sp.GetRequiredService<UssdSmppTransport>());
            }
            else
            {
                services.AddSingleton<IChannelConnection>(sp =>
                {
                    var connection = sp.GetRequiredService<IOptions<UssdOptions>>().Value.Smpp.Connection;
                    var transport = sp.GetRequiredService<UssdSmppTransport>();
                    return new SmppBindConnection(ChannelNames.Ussd, $"SMPP {connection.Host}:{connection.Port} {connection.BindMode}",
                        () => transport.OwnBind!, () => transport.Standby);
                });
            }
        }
        services.AddSingleton<IChannelAdapter>(sp => new UssdAdapter(sp.GetServices<IUssdTransport>()));
        return services;
    }
}
