using Microsoft.Extensions.DependencyInjection;
using SelfService.Channels;
using SelfService.Channels.Connections;
using SelfService.Pipeline.Statistics;

namespace SelfService.Pipeline;

public static class PipelineServiceCollectionExtensions
{
    /// <summary>Registers the inbound sink, the command workers, the outbox dispatcher, the traffic counters and the store's retention.</summary>
    public static IServiceCollection AddMessagePipeline(this IServiceCollection services)
    {
        services.AddSingleton<PipelineMetrics>();
        services.AddSingleton<TrafficStatistics>();
        services.AddSingleton<ChannelRegistry>();
        services.AddSingleton<InboundPipeline>();
        services.AddSingleton<IInboundSink>(sp => sp.GetRequiredService<InboundPipeline>());
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<AgentReplies>();
        services.AddSingleton<IOrphanRecovery, OrphanRecovery>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        services.AddHostedService<CommandWorkers>();
        services.AddHostedService<ClusterOutboxHandover>();
        services.AddHostedService<RetentionService>();
        services.AddHostedService<TrafficRollupService>();
        return services;
    }
}
