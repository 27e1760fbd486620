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
        services.AddStoresOf<LiteStorage>();
        return services;
    }
}
