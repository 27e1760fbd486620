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
        services.AddStoresOf<PostgreSqlStorage>();
        return services;
    }
}
