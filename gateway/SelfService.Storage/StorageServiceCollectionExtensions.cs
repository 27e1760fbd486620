using Microsoft.Extensions.DependencyInjection;

namespace SelfService.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers every store of the engine <typeparamref name="TEngine"/> (registered by the caller as a singleton), so
    /// each engine adds only how it opens, and a store added to the port is registered for every engine at once.
    /// </summary>
    public static IServiceCollection AddStoresOf<TEngine>(this IServiceCollection services) where TEngine : class, IGatewayStorage
    {
        services.AddSingleton<IGatewayStorage>(sp => sp.GetRequiredService<TEngine>());
        services.AddSingleton(sp => sp.GetRequiredService<IGatewayStorage>().Inbound);
        services.AddSingleton(sp => sp.GetRequiredService<IGatewayStorage>().Outbox);
        services.AddSingleton(sp => sp.GetRequiredService<IGatewayStorage>().Conversations);
        services.AddSingleton(sp => sp.GetRequiredService<IGatewayStorage>().Customers);
        services.AddSingleton(sp => sp.GetRequiredService<IGatewayStorage>().History);
        services.AddSingleton(sp => sp.GetRequiredService<IGatewayStorage>().Provisioning);
        services.AddSingleton(sp => sp.GetRequiredService<IGatewayStorage>().ConcatenatedParts);
        services.AddSingleton(sp => sp.GetRequiredService<IGatewayStorage>().EmailThreads);
        services.AddSingleton(sp => sp.GetRequiredService<IGatewayStorage>().TelegramChats);
        services.AddSingleton(sp => sp.GetRequiredService<IGatewayStorage>().WebChat);
        services.AddSingleton(sp => sp.GetRequiredService<IGatewayStorage>().DirectLineTranscripts);
        services.AddSingleton(sp => sp.GetRequiredService<IGatewayStorage>().SigningKeys);
        services.AddSingleton(sp => sp.GetRequiredService<IGatewayStorage>().StaffAccounts);
        services.AddSingleton(sp => sp.GetRequiredService<IGatewayStorage>().ApiTokens);
        services.AddSingleton(sp => sp.GetRequiredService<IGatewayStorage>().Audit);
        services.AddSingleton(sp => sp.GetRequiredService<IGatewayStorage>().Escalations);
        services.AddSingleton(sp => sp.GetRequiredService<IGatewayStorage>().Articles);
        services.AddSingleton(sp => sp.GetRequiredService<IGatewayStorage>().Traffic);
        services.AddSingleton(sp => sp.GetRequiredService<IGatewayStorage>().Campaigns);
        services.AddSingleton(sp => sp.GetRequiredService<IGatewayStorage>().OptOuts);
        services.AddSingleton(sp => sp.GetRequiredService<IGatewayStorage>().Audience);
        services.AddSingleton(sp => sp.GetRequiredService<IGatewayStorage>().Surveys);
        services.AddSingleton(sp => sp.GetRequiredService<IGatewayStorage>().Leases);
        services.AddSingleton(sp => sp.GetRequiredService<IGatewayStorage>().Instances);
        services.AddSingleton<IStorageMaintenance>(sp => sp.GetRequiredService<IGatewayStorage>());
        return services;
    }
}
