using SelfService.Storage.LiteDb;

namespace SelfService.Gateway.Hosting;

internal static class StorageHostingExtensions
{
    /// <summary>The embedded store: one LiteDB file for the whole gateway, written by one thread in group commits.</summary>
    public static WebApplicationBuilder AddGatewayStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<LiteDbStorageOptions>().BindConfiguration(LiteDbStorageOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.DatabaseFile), "Storage:DatabaseFile must name a file")
            .Validate(o => o.MaxBatch > 0 && o.QueueCapacity > 0, "Storage:MaxBatch and Storage:QueueCapacity must be positive")
            .ValidateOnStart();
        builder.Services.AddLiteDbStorage((sp, file) => GatewayPaths.Resolve(sp.GetRequiredService<IHostEnvironment>(), file));
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }
}
