using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SelfService.Channels.Connections;
using SelfService.Channels.Smpp;
using SelfService.Messaging;

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
                if (o.Enabled) o.Smpp.Validate();   // throws with every problem named
                return o.MaxParts is >= 1 and <= 10;
            }, "Channels:Sms:MaxParts must be between 1 and 10")
            .ValidateOnStart();
        if (!section.GetValue<bool>(nameof(SmsOptions.Enabled))) return services;
        services.AddSingleton<SmsAdapter>();
        services.AddSingleton<IChannelAdapter>(sp => sp.GetRequiredService<SmsAdapter>());
        services.AddSingleton<IChannelConnection>(sp =>
        {
            var smpp = sp.GetRequiredService<IOptions<SmsOptions>>().Value.Smpp;
            return new SmppBindConnection(ChannelNames.Sms, $"SMPP {smpp.Host}:{smpp.Port} {smpp.BindMode}", sp.GetRequiredService<SmsAdapter>().Client);
        });
        services.AddHostedService<SmsChannelService>();
        return services;
    }
}
