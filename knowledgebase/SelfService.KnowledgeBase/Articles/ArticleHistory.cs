namespace SelfService.KnowledgeBase;

/// <summary>Everything that ever happened to an article: every version and every workflow step, oldest first.</summary>
public sealed record ArticleHistory(
    string ArticleId,
    IReadOnlyList<ArticleVersion> Versions,
    IReadOnlyList<ArticleTransition> Transitions);
