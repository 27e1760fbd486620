namespace SelfService.Storage.KnowledgeBase;

/// <summary>
/// The knowledge base: articles, their versions and their workflow steps. A step reads the article, checks the workflow's
/// rule and writes as one store operation (<see cref="ChangeAsync{T}"/>), so of editors and reviewers acting on one
/// article at once, on one gateway or several, exactly one passes a check that the others' writes would fail.
/// </summary>
public interface IArticleStore
{
    Task<StoredArticle?> GetAsync(string articleId, CancellationToken cancellationToken);

    /// <summary>Every article, by id (ordinal).</summary>
    Task<IReadOnlyList<StoredArticle>> ListAsync(CancellationToken cancellationToken);

    Task<StoredArticleVersion?> GetVersionAsync(string articleId, int number, CancellationToken cancellationToken);

    /// <summary>Every version of an article, oldest first.</summary>
    Task<IReadOnlyList<StoredArticleVersion>> VersionsAsync(string articleId, CancellationToken cancellationToken);

    /// <summary>Every workflow step of an article, in the order they were stored.</summary>
    Task<IReadOnlyList<StoredArticleTransition>> TransitionsAsync(string articleId, CancellationToken cancellationToken);

    /// <summary>The live version of every article that has one, by article id (ordinal): what search indexes at start.</summary>
    Task<IReadOnlyList<StoredArticleVersion>> ListLiveAsync(CancellationToken cancellationToken);

    Task<bool> IsEmptyAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Reads the article as stored, lets <paramref name="decide"/> check the step and say what to write, and writes it,
    /// with no other change to the article in between; durable when the task completes. An exception thrown by
    /// <paramref name="decide"/> reaches the caller and nothing is written. <paramref name="decide"/> may run more than
    /// once: it must only compute, from the record it is given.
    /// </summary>
    Task<T> ChangeAsync<T>(string articleId, Func<ArticleRecord, ArticleStep<T>> decide, CancellationToken cancellationToken);
}
