using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfService.Storage.Cluster;
using SelfService.Storage.PostgreSql.Cluster;

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
        services.AddStoresOf<PostgreSqlStorage>();
        // The other instances on the database hear of tickets, outbox rows and transcripts at once (LISTEN/NOTIFY).
        services.AddSingleton(sp => new PgClusterEvents(sp.GetRequiredService<PostgreSqlStorage>().Source,
            sp.GetService<TimeProvider>() ?? TimeProvider.System, sp.GetRequiredService<ILogger<PgClusterEvents>>()));
        services.AddSingleton<IClusterEvents>(sp => sp.GetRequiredService<PgClusterEvents>());
        services.AddHostedService(sp => sp.GetRequiredService<PgClusterEvents>());
        return services;
    }
}
