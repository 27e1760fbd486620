namespace SelfService.KnowledgeBase;

/// <summary>The languages the knowledge base writes and searches.</summary>
public static class ArticleLanguages
{
    public const string Russian = "ru";
    public const string English = "en";

    /// <summary>All supported language codes.</summary>
    public static IReadOnlyList<string> All { get; } = [Russian, English];

    public static bool IsSupported(string? language) => language is Russian or English;

    /// <summary>The language a question falls back to when nothing in its own language answers it.</summary>
    public static string Other(string language) => language == Russian ? English : Russian;
}
