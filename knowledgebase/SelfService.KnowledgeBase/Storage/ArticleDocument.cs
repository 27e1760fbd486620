namespace SelfService.KnowledgeBase.Storage;

/// <summary>The <c>kb_articles</c> row: an article's workflow state and pointers to its versions.</summary>
internal sealed class ArticleDocument
{
    public string Id { get; set; } = string.Empty;

    public string Language { get; set; } = string.Empty;

    public string Category { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    public ArticleStatus Status { get; set; }

    public int LatestVersion { get; set; }

    /// <summary>The version search serves; 0 when none (LiteDB handles plain ints more predictably than nullables).</summary>
    public int LiveVersion { get; set; }

    public string? ReviewComment { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
