namespace SelfService.KnowledgeBase;

/// <summary>
/// Receives the workflow's publications, so that search only ever sees published content.
/// <see cref="ArticleService"/> calls it after the change is stored, one call at a time.
/// </summary>
public interface IKnowledgeIndex
{
    /// <summary>A version went live; it replaces any older version of the same article.</summary>
    void Upsert(PublishedArticle article);

    /// <summary>The article is no longer live (retired).</summary>
    void Remove(string articleId);
}
