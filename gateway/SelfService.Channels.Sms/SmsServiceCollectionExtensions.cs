using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SelfService.Channels.Connections;
using SelfService.Channels.Smpp;
using SelfService.Messaging;
using SelfService.Storage.Leases;

namespace SelfService.Channels.Sms;

public static class SmsServiceCollectionExtensions
{
    /// <summary>Registers the SMS channel when "Channels:Sms:Enabled" is true; otherwise SMS waits in the outbox.</summary>
    public static IServiceCollection AddSmsChannel(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SmsOptions.Section);
        services.AddOptions<SmsOptions>().Bind(section)
            .Validate(o =>
            {
                if (o.Enabled)
                    foreach (var bind in o.AllBinds) bind.Validate();   // throws with every problem named
                return o.MaxParts is >= 1 and <= 10;
            }, "Channels:Sms:MaxParts must be between 1 and 10")
            .ValidateOnStart();
        if (!section.GetValue<bool>(nameof(SmsOptions.Enabled))) return services;
        services.AddSingleton<SmsAdapter>();
        services.AddSingleton<IChannelAdapter>(sp => sp.GetRequiredService<SmsAdapter>());
        var binds = 1 + section.GetSection(nameof(SmsOptions.AdditionalBinds)).GetChildren().Count();
        for (var i = 0; i < binds; i++)
        {
            var index = i;
            services.AddSingleton<IChannelConnection>(sp =>
            {
                var bind = sp.GetRequiredService<SmsAdapter>().Binds[index];
                return new SmppBindConnection(ChannelNames.Sms, $"SMPP {bind.Options.Host}:{bind.Options.Port} {bind.Options.BindMode}",
                    () => bind.Client, () => bind.Standby);
            });
        }
        services.AddConnectionLeases();
        services.AddHostedService<SmsChannelService>();
        return services;
    }
}
