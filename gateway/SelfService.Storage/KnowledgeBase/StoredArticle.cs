namespace SelfService.Storage.KnowledgeBase;

/// <summary>An article's workflow state and the numbers of its newest and live versions.</summary>
public sealed class StoredArticle
{
    public string Id { get; set; } = "";
    public string Language { get; set; } = "";
    public string Category { get; set; } = "";
    public string Title { get; set; } = "";
    public StoredArticleStatus Status { get; set; }
    public int LatestVersion { get; set; }

    /// <summary>The version search serves; 0 when none.</summary>
    public int LiveVersion { get; set; }

    public string? ReviewComment { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
