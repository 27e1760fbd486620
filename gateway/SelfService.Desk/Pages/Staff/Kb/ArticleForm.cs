using SelfService.KnowledgeBase;

namespace SelfService.Desk.Pages.Staff.Kb;

/// <summary>The editor's form as posted: lists are one item a line, so a textarea is all an editor needs.</summary>
public sealed class ArticleForm
{
    /// <summary>The id a new article gets; left empty, one is made from its category and language.</summary>
    public string? Id { get; set; }

    public string Language { get; set; } = ArticleLanguages.Russian;
    public string? Category { get; set; }
    public string? Title { get; set; }
    public string? Questions { get; set; }
    public string? Keywords { get; set; }
    public string? ShortAnswer { get; set; }
    public string? LongAnswer { get; set; }

    public static ArticleForm From(Article article)
    {
        var content = article.Latest.Content;
        return new ArticleForm
        {
            Id = article.Id, Language = content.Language, Category = content.Category, Title = content.Title,
            Questions = string.Join('\n', content.Questions), Keywords = string.Join('\n', content.Keywords),
            ShortAnswer = content.ShortAnswer, LongAnswer = content.LongAnswer,
        };
    }

    /// <summary>A new article about questions customers asked: they become its questions, the first its title.</summary>
    public static ArticleForm ForQuestions(string language, IReadOnlyList<string> questions) => new()
    {
        Language = ArticleLanguages.IsSupported(language) ? language : ArticleLanguages.Russian,
        Title = questions.FirstOrDefault(),
        Questions = string.Join('\n', questions),
    };

    /// <summary>The content as the workflow takes it; blank lines are dropped, the workflow checks the rest.</summary>
    public ArticleContent ToContent() => new(
        Language, Category ?? "", Title ?? "", Lines(Questions), Lines(Keywords), ShortAnswer ?? "", LongAnswer ?? "");

    private static List<string> Lines(string? text) =>
        (text ?? "").ReplaceLineEndings("\n").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
}
