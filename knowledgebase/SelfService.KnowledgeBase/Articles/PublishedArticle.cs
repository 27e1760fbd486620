namespace SelfService.KnowledgeBase;

/// <summary>The live version of an article, as handed to search indexes.</summary>
public sealed record PublishedArticle(string Id, int Version, ArticleContent Content);
