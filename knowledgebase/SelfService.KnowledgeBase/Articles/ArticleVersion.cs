namespace SelfService.KnowledgeBase;

/// <summary>One saved edit of an article. Versions are numbered from 1 and never change once saved.</summary>
public sealed record ArticleVersion(
    string ArticleId,
    int Number,
    ArticleContent Content,
    string Author,
    DateTimeOffset SavedAt);
