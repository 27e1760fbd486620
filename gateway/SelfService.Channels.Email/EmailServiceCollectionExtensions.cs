using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SelfService.Channels.Connections;
using SelfService.Channels.Email.Inbound;
using SelfService.Messaging;
using SelfService.Storage.Leases;

namespace SelfService.Channels.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary>Registers the special-email channel (IMAP in, SMTP out) when "Channels:Email:Enabled" is true.</summary>
    public static IServiceCollection AddEmailChannel(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(EmailOptions.Section);
        services.AddOptions<EmailOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();
        if (!section.GetValue<bool>(nameof(EmailOptions.Enabled))) return services;
        services.AddSingleton<EmailAdapter>();
        services.AddSingleton<IChannelAdapter>(sp => sp.GetRequiredService<EmailAdapter>());
        services.AddSingleton<InboundMailReader>();
        services.AddSingleton<MailboxProcessor>();
        services.AddKeyedSingleton(ChannelNames.Email, (sp, _) =>
        {
            var imap = sp.GetRequiredService<IOptions<EmailOptions>>().Value.Imap;
            return new ConnectionStatus(ChannelNames.Email, $"IMAP {imap.Host}:{imap.Port} {imap.Folder}");
        });
        services.AddSingleton<IChannelConnection>(sp => sp.GetRequiredKeyedService<ConnectionStatus>(ChannelNames.Email));
        services.AddConnectionLeases();
        services.AddHostedService<MailboxWatcher>();
        return services;
    }
}
