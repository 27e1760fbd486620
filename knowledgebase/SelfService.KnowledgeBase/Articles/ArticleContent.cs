namespace SelfService.KnowledgeBase;

/// <summary>
/// What an editor writes: one version of an article's text. Two contents are equal when every field and every
/// question and keyword (in order) are equal, which is what lets a re-import detect "nothing changed".
/// </summary>
/// <param name="Language"><c>ru</c> or <c>en</c>; fixed for the life of an article.</param>
/// <param name="Category">A lower-case slug such as <c>roaming</c> or <c>billing</c>.</param>
/// <param name="Title">A short headline for editors and for web answers.</param>
/// <param name="Questions">Phrasings customers use; the strongest search signal.</param>
/// <param name="Keywords">Extra search terms: synonyms, slang, codes.</param>
/// <param name="ShortAnswer">Plain text for SMS and USSD: one paragraph, no Markdown.</param>
/// <param name="LongAnswer">Markdown for email, web and Telegram.</param>
public sealed record ArticleContent(
    string Language,
    string Category,
    string Title,
    IReadOnlyList<string> Questions,
    IReadOnlyList<string> Keywords,
    string ShortAnswer,
    string LongAnswer)
{
    /// <inheritdoc />
    public bool Equals(ArticleContent? other) =>
        other is not null
        && string.Equals(Language, other.Language, StringComparison.Ordinal)
        && string.Equals(Category, other.Category, StringComparison.Ordinal)
        && string.Equals(Title, other.Title, StringComparison.Ordinal)
        && string.Equals(ShortAnswer, other.ShortAnswer, StringComparison.Ordinal)
        && string.Equals(LongAnswer, other.LongAnswer, StringComparison.Ordinal)
        && Questions.SequenceEqual(other.Questions, StringComparer.Ordinal)
        && Keywords.SequenceEqual(other.Keywords, StringComparer.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(Language, Category, Title, ShortAnswer, LongAnswer, Questions.Count, Keywords.Count);
}
