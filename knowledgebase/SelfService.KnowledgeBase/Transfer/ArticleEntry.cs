using System.Text.Json.Serialization;

namespace SelfService.KnowledgeBase.Transfer;

/// <summary>One article in a knowledge-base file: its id and the content of its published version.</summary>
internal sealed class ArticleEntry
{
    public string? Id { get; set; }

    public string? Language { get; set; }

    public string? Category { get; set; }

    public string? Title { get; set; }

    public List<string>? Questions { get; set; }

    public List<string>? Keywords { get; set; }

    public string? ShortAnswer { get; set; }

    /// <summary>Markdown, written as an array of lines so that files stay readable and diffs stay small.</summary>
    [JsonConverter(typeof(LinesJsonConverter))]
    public string? LongAnswer { get; set; }

    public static ArticleEntry From(PublishedArticle article) => new()
    {
        Id = article.Id,
        Language = article.Content.Language,
        Category = article.Content.Category,
        Title = article.Content.Title,
        Questions = article.Content.Questions.ToList(),
        Keywords = article.Content.Keywords.ToList(),
        ShortAnswer = article.Content.ShortAnswer,
        LongAnswer = article.Content.LongAnswer,
    };

    public ArticleContent ToContent() => new(
        Language ?? string.Empty,
        Category ?? string.Empty,
        Title ?? string.Empty,
        Questions ?? [],
        Keywords ?? [],
        ShortAnswer ?? string.Empty,
        LongAnswer ?? string.Empty);
}
