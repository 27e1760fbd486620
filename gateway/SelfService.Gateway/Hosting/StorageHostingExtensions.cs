using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SelfService.Storage;
using SelfService.Storage.Cluster;
using SelfService.Storage.Instances;
using SelfService.Storage.Leases;
using SelfService.Storage.LiteDb;
using SelfService.Storage.PostgreSql;

namespace SelfService.Gateway.Hosting;

internal static class StorageHostingExtensions
{
    /// <summary>
    /// The engine behind the storage port, as "Storage:Kind" says: the embedded LiteDB file (one gateway, written by one
    /// thread in group commits) or a PostgreSQL database.
    /// </summary>
    public static WebApplicationBuilder AddGatewayStorage(this WebApplicationBuilder builder)
    {
        var selection = builder.Configuration.GetSection(StorageSelection.Section).Get<StorageSelection>() ?? new StorageSelection();
        if (string.Equals(selection.Kind, "LiteDb", StringComparison.OrdinalIgnoreCase))
        {
            builder.Services.AddOptions<LiteDbStorageOptions>().BindConfiguration(LiteDbStorageOptions.Section)
                .Validate(o => !string.IsNullOrWhiteSpace(o.DatabaseFile), "Storage:DatabaseFile must name a file")
                .Validate(o => o.MaxBatch > 0 && o.QueueCapacity > 0, "Storage:MaxBatch and Storage:QueueCapacity must be positive")
                .ValidateOnStart();
            builder.Services.AddLiteDbStorage((sp, file) => GatewayPaths.Resolve(sp.GetRequiredService<IHostEnvironment>(), file));
        }
        else if (string.Equals(selection.Kind, "PostgreSql", StringComparison.OrdinalIgnoreCase))
        {
            builder.Services.AddOptions<PostgreSqlStorageOptions>().BindConfiguration(PostgreSqlStorageOptions.Section);
            builder.Services.AddPostgreSqlStorage();
        }
        else
        {
            throw new OptionsValidationException(StorageSelection.Section, typeof(StorageSelection),
                [$"Storage:Kind is '{selection.Kind}'; it must be 'LiteDb' or 'PostgreSql'."]);
        }
        builder.Services.AddSingleton(TimeProvider.System);
        // One process on its own file has no other instance to tell; PostgreSQL registered LISTEN/NOTIFY above.
        builder.Services.TryAddSingleton<IClusterEvents, SingleInstanceClusterEvents>();
        // Who this instance is among the gateways on one store, and the leases on the connections only one may hold.
        builder.Services.AddOptions<GatewayInstanceOptions>().BindConfiguration(GatewayInstanceOptions.Section)
            .Validate(o => !o.Problems().Any(), "Gateway:LeaseDuration must be between 00:00:01 and 00:10:00, Gateway:InstanceId at most 200 characters")
            .ValidateOnStart();
        builder.Services.AddConnectionLeases();
        // Every instance on the store says it is alive; /health and the dashboard show them all, with what each owns.
        builder.Services.AddSingleton<ClusterView>();
        builder.Services.AddHostedService<InstanceHeartbeat>();
        return builder;
    }

    /// <summary>
    /// Opens the store before anything else starts, so that a store that cannot open (PostgreSQL unreachable, a bad
    /// connection string, a schema newer than this gateway) stops the start with one clear line instead of a stack trace
    /// from whichever service first asked for it. Returns false after writing that line to stderr.
    /// </summary>
    public static bool TryOpenGatewayStorage(this IServiceProvider services)
    {
        try
        {
            services.GetRequiredService<IStorageMaintenance>();
            return true;
        }
        catch (PostgreSqlStartException ex)
        {
            Console.Error.WriteLine("The gateway cannot start: " + ex.Message);
            return false;
        }
    }
}
