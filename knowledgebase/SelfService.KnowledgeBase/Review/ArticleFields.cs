namespace SelfService.KnowledgeBase;

/// <summary>The names of an article's fields as diffs and forms call them, in the order editors see them.</summary>
public static class ArticleFields
{
    public const string Title = "title";
    public const string Category = "category";
    public const string Questions = "questions";
    public const string Keywords = "keywords";
    public const string ShortAnswer = "shortAnswer";
    public const string LongAnswer = "longAnswer";
}
