using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace SelfService.KnowledgeBase;

/// <summary>
/// Registers the knowledge base. The host registers the storage port's <c>IArticleStore</c> and <see cref="TimeProvider"/>
/// itself; search is filled from the store when the host starts.
/// </summary>
public static class KnowledgeBaseServiceCollectionExtensions
{
    public static IServiceCollection AddKnowledgeBase(this IServiceCollection services, Action<KnowledgeBaseOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<KnowledgeBaseOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options
            .Validate(o => o.MinimumScore is >= 0 and <= 1, "KnowledgeBase:MinimumScore must be between 0 and 1.")
            .Validate(o => o.MaxResults > 0, "KnowledgeBase:MaxResults must be at least 1.")
            .ValidateOnStart();

        // One search instance serves both roles: it answers questions and receives the workflow's publications.
        services.TryAddSingleton<LuceneKnowledgeSearch>();
        services.TryAddSingleton<IKnowledgeSearch>(sp => sp.GetRequiredService<LuceneKnowledgeSearch>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IKnowledgeIndex, LuceneKnowledgeSearch>(sp => sp.GetRequiredService<LuceneKnowledgeSearch>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, KnowledgeSearchLoading>());
        services.TryAddSingleton<ArticleService>();
        services.TryAddSingleton<QuestionTerms>();
        services.TryAddSingleton<KnowledgeBaseImporter>();
        services.TryAddSingleton<KnowledgeBaseExporter>();
        return services;
    }
}
