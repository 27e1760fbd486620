using Microsoft.Extensions.DependencyInjection;
using SelfService.Channels;

namespace SelfService.Pipeline;

public static class PipelineServiceCollectionExtensions
{
    /// <summary>Registers the inbound sink, the command workers, the outbox dispatcher and the store's retention.</summary>
    public static IServiceCollection AddMessagePipeline(this IServiceCollection services)
    {
        services.AddSingleton<PipelineMetrics>();
        services.AddSingleton<ChannelRegistry>();
        services.AddSingleton<InboundPipeline>();
        services.AddSingleton<IInboundSink>(sp => sp.GetRequiredService<InboundPipeline>());
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<AgentReplies>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        services.AddHostedService<CommandWorkers>();
        services.AddHostedService<RetentionService>();
        return services;
    }
}
