using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SelfService.Storage.PostgreSql;

public static class PostgreSqlStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the PostgreSQL engine behind every storage port. The database is opened (and its schema brought up to
    /// date) when the storage is first resolved. The options are bound by the caller.
    /// </summary>
    public static IServiceCollection AddPostgreSqlStorage(this IServiceCollection services)
    {
        services.AddSingleton(sp => PostgreSqlStorage.Open(sp.GetRequiredService<IOptions<PostgreSqlStorageOptions>>().Value,
            sp.GetRequiredService<ILoggerFactory>(), sp.GetService<TimeProvider>()));
        services.AddSingleton(sp => sp.GetRequiredService<PostgreSqlStorage>().Inbound);
        services.AddSingleton(sp => sp.GetRequiredService<PostgreSqlStorage>().Outbox);
        services.AddSingleton(sp => sp.GetRequiredService<PostgreSqlStorage>().Conversations);
        services.AddSingleton(sp => sp.GetRequiredService<PostgreSqlStorage>().Customers);
        services.AddSingleton(sp => sp.GetRequiredService<PostgreSqlStorage>().History);
        services.AddSingleton(sp => sp.GetRequiredService<PostgreSqlStorage>().Provisioning);
        services.AddSingleton(sp => sp.GetRequiredService<PostgreSqlStorage>().ConcatenatedParts);
        services.AddSingleton(sp => sp.GetRequiredService<PostgreSqlStorage>().EmailThreads);
        services.AddSingleton(sp => sp.GetRequiredService<PostgreSqlStorage>().TelegramChats);
        services.AddSingleton(sp => sp.GetRequiredService<PostgreSqlStorage>().WebChat);
        services.AddSingleton(sp => sp.GetRequiredService<PostgreSqlStorage>().DirectLineTranscripts);
        services.AddSingleton(sp => sp.GetRequiredService<PostgreSqlStorage>().SigningKeys);
        services.AddSingleton(sp => sp.GetRequiredService<PostgreSqlStorage>().StaffAccounts);
        services.AddSingleton(sp => sp.GetRequiredService<PostgreSqlStorage>().ApiTokens);
        services.AddSingleton(sp => sp.GetRequiredService<PostgreSqlStorage>().Audit);
        services.AddSingleton(sp => sp.GetRequiredService<PostgreSqlStorage>().Escalations);
        services.AddSingleton(sp => sp.GetRequiredService<PostgreSqlStorage>().Articles);
        services.AddSingleton(sp => sp.GetRequiredService<PostgreSqlStorage>().Traffic);
        services.AddSingleton(sp => sp.GetRequiredService<PostgreSqlStorage>().Campaigns);
        services.AddSingleton(sp => sp.GetRequiredService<PostgreSqlStorage>().OptOuts);
        services.AddSingleton(sp => sp.GetRequiredService<PostgreSqlStorage>().Audience);
        services.AddSingleton<IStorageMaintenance>(sp => sp.GetRequiredService<PostgreSqlStorage>());
        return services;
    }
}
