namespace SelfService.KnowledgeBase;

/// <summary>One step in an article's workflow: who did what, when, to which version, and why.</summary>
/// <param name="From">The status before the step; null when the article was created by it.</param>
/// <param name="Comment">The reviewer's reason when returned; an optional note otherwise.</param>
public sealed record ArticleTransition(
    string ArticleId,
    TransitionKind Kind,
    ArticleStatus? From,
    ArticleStatus To,
    int Version,
    string Actor,
    DateTimeOffset At,
    string? Comment);
