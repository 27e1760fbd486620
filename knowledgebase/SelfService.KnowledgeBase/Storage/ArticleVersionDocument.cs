namespace SelfService.KnowledgeBase.Storage;

/// <summary>The <c>kb_article_versions</c> row: one immutable saved edit.</summary>
internal sealed class ArticleVersionDocument
{
    /// <summary><c>{articleId}#{number:D6}</c>, so ids sort in version order.</summary>
    public string Id { get; set; } = string.Empty;

    public string ArticleId { get; set; } = string.Empty;

    public int Number { get; set; }

    public string Author { get; set; } = string.Empty;

    public DateTime SavedAt { get; set; }

    public string Language { get; set; } = string.Empty;

    public string Category { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    public List<string> Questions { get; set; } = [];

    public List<string> Keywords { get; set; } = [];

    public string ShortAnswer { get; set; } = string.Empty;

    public string LongAnswer { get; set; } = string.Empty;

    public static string MakeId(string articleId, int number) => $"{articleId}#{number:D6}";
}
