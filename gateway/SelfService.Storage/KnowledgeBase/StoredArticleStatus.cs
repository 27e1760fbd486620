namespace SelfService.Storage.KnowledgeBase;

/// <summary>Where an article is in the editorial workflow. The names are what the store keeps: do not rename them.</summary>
public enum StoredArticleStatus
{
    Draft,
    InReview,
    Returned,
    Published,
    Retired,
}
