namespace SelfService.KnowledgeBase;

/// <summary>Which articles <see cref="ArticleService.ListAsync"/> returns; every criterion left null matches everything.</summary>
/// <param name="Text">Case-insensitive substring of the newest version's title, questions, keywords or answers.</param>
public sealed record ArticleFilter(
    ArticleStatus? Status = null,
    string? Language = null,
    string? Category = null,
    string? Text = null);
