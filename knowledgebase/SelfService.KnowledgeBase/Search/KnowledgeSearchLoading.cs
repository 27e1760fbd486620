using Microsoft.Extensions.Hosting;
using SelfService.Storage.KnowledgeBase;

namespace SelfService.KnowledgeBase;

/// <summary>
/// Fills search from the store when the host starts. The store is async and a constructor cannot wait for it, so loading
/// is a start-up step; <see cref="KnowledgeBaseServiceCollectionExtensions.AddKnowledgeBase"/> registers it ahead of
/// whatever the host adds afterwards (the message pipeline), so no question is searched before search is filled.
/// </summary>
internal sealed class KnowledgeSearchLoading(LuceneKnowledgeSearch search, IArticleStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => search.LoadAsync(store, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
