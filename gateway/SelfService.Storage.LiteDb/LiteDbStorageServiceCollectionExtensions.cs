using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfService.Storage.Conversations;
using SelfService.Storage.Customers;
using SelfService.Storage.History;
using SelfService.Storage.Messages;

namespace SelfService.Storage.LiteDb;

public static class LiteDbStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the embedded engine behind every storage port. <paramref name="resolveFile"/> turns the configured
    /// <see cref="LiteDbStorageOptions.DatabaseFile"/> into a full path (the host knows its content root); it returns null
    /// for a database in memory. The options are bound by the caller.
    /// </summary>
    public static IServiceCollection AddLiteDbStorage(this IServiceCollection services, Func<IServiceProvider, string, string?> resolveFile)
    {
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<LiteDbStorageOptions>>().Value;
            return new LiteStorage(resolveFile(sp, options.DatabaseFile), options, sp.GetRequiredService<ILoggerFactory>());
        });
        services.AddSingleton(sp => sp.GetRequiredService<LiteStorage>().Inbound);
        services.AddSingleton(sp => sp.GetRequiredService<LiteStorage>().Outbox);
        services.AddSingleton(sp => sp.GetRequiredService<LiteStorage>().Conversations);
        services.AddSingleton(sp => sp.GetRequiredService<LiteStorage>().Customers);
        services.AddSingleton(sp => sp.GetRequiredService<LiteStorage>().History);
        services.AddSingleton(sp => sp.GetRequiredService<LiteStorage>().Provisioning);
        services.AddSingleton(sp => sp.GetRequiredService<LiteStorage>().ConcatenatedParts);
        services.AddSingleton(sp => sp.GetRequiredService<LiteStorage>().EmailThreads);
        services.AddSingleton(sp => sp.GetRequiredService<LiteStorage>().TelegramChats);
        services.AddSingleton(sp => sp.GetRequiredService<LiteStorage>().WebChat);
        services.AddSingleton(sp => sp.GetRequiredService<LiteStorage>().DirectLineTranscripts);
        services.AddSingleton(sp => sp.GetRequiredService<LiteStorage>().SigningKeys);
        services.AddSingleton(sp => sp.GetRequiredService<LiteStorage>().StaffAccounts);
        services.AddSingleton(sp => sp.GetRequiredService<LiteStorage>().ApiTokens);
        services.AddSingleton(sp => sp.GetRequiredService<LiteStorage>().Audit);
        services.AddSingleton(sp => sp.GetRequiredService<LiteStorage>().Escalations);
        services.AddSingleton(sp => sp.GetRequiredService<LiteStorage>().Articles);
        services.AddSingleton(sp => sp.GetRequiredService<LiteStorage>().Traffic);
        services.AddSingleton(sp => sp.GetRequiredService<LiteStorage>().Campaigns);
        services.AddSingleton(sp => sp.GetRequiredService<LiteStorage>().OptOuts);
        services.AddSingleton(sp => sp.GetRequiredService<LiteStorage>().Audience);
        services.AddSingleton<IStorageMaintenance>(sp => sp.GetRequiredService<LiteStorage>());
        return services;
    }
}
