namespace SelfService.Storage.KnowledgeBase;

/// <summary>
/// What a workflow step decided: <see cref="Article"/> is the article's new row (null: nothing is written), stored
/// together with an optional new version and the step's transition, in one commit.
/// </summary>
public sealed record ArticleStep<T>(T Result, StoredArticle? Article = null, StoredArticleVersion? NewVersion = null, StoredArticleTransition? Transition = null)
{
    /// <summary>Nothing to store; the caller gets <paramref name="result"/>.</summary>
    public static ArticleStep<T> Unchanged(T result) => new(result);
}
