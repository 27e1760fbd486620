namespace SelfService.Storage.KnowledgeBase;

/// <summary>One saved edit of an article; never changed once stored.</summary>
public sealed class StoredArticleVersion
{
    /// <summary><c>{articleId}#{number:D6}</c> (see <see cref="MakeId"/>), so ids sort in version order.</summary>
    public string Id { get; set; } = "";

    public string ArticleId { get; set; } = "";
    public int Number { get; set; }
    public string Author { get; set; } = "";
    public DateTimeOffset SavedAt { get; set; }
    public string Language { get; set; } = "";
    public string Category { get; set; } = "";
    public string Title { get; set; } = "";
    public List<string> Questions { get; set; } = [];
    public List<string> Keywords { get; set; } = [];
    public string ShortAnswer { get; set; } = "";
    public string LongAnswer { get; set; } = "";

    public static string MakeId(string articleId, int number) => FormattableString.Invariant($"{articleId}#{number:D6}");
}
