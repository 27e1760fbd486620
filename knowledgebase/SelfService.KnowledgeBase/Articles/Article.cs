namespace SelfService.KnowledgeBase;

/// <summary>An article as editors see it: its newest version and, separately, the version customers currently get.</summary>
/// <param name="Status">Where <see cref="Latest"/> stands in the workflow.</param>
/// <param name="Latest">The newest saved version (a draft, a submission or the published one).</param>
/// <param name="Live">The published version search serves; null when never published or retired.</param>
/// <param name="ReviewComment">The last reviewer's reason for returning the article; kept while editors fix it, cleared when it is submitted again.</param>
public sealed record Article(
    string Id,
    ArticleStatus Status,
    ArticleVersion Latest,
    ArticleVersion? Live,
    string? ReviewComment)
{
    public string Language => Latest.Content.Language;

    public string Category => Latest.Content.Category;

    public string Title => Latest.Content.Title;

    /// <summary>Who saved the newest version; this person may not approve it.</summary>
    public string LastEditor => Latest.Author;
}
