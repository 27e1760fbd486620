namespace SelfService.KnowledgeBase;

/// <summary>Ranked search over published articles, normalized for Russian and English.</summary>
public interface IKnowledgeSearch
{
    /// <summary>
    /// The best published articles for a customer's question, best first. <see cref="KnowledgeMatch.Score"/>
    /// is in [0, 1]; callers compare it to <see cref="KnowledgeBaseOptions.MinimumScore"/> and do not guess below it.
    /// <paramref name="language"/> (<c>ru</c>/<c>en</c>) is preferred, not required: a Russian question may match an English article when nothing Russian does.
    /// </summary>
    IReadOnlyList<KnowledgeMatch> Search(string question, string language, int maxResults);

    /// <summary>
    /// The published article with this id (what a link between articles, <c>[text](#id)</c>, names), with a
    /// <see cref="KnowledgeMatch.Score"/> of 1; null when no such article is published.
    /// </summary>
    KnowledgeMatch? Find(string articleId);
}

/// <summary>A published article that answers a question, with both answer forms.</summary>
public sealed record KnowledgeMatch(
    string ArticleId,
    string Language,
    string Category,
    string Title,
    string ShortAnswer,
    string LongAnswer,
    int Version,
    double Score);
