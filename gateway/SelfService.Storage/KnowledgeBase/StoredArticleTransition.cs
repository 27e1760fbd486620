namespace SelfService.Storage.KnowledgeBase;

/// <summary>One workflow step. The store numbers steps as it keeps them (<see cref="Id"/>), so they read back in order.</summary>
public sealed class StoredArticleTransition
{
    /// <summary>Given by the store; leave it 0.</summary>
    public int Id { get; set; }

    public string ArticleId { get; set; } = "";
    public StoredTransitionKind Kind { get; set; }

    /// <summary>The status before the step, or null for the step that created the article.</summary>
    public StoredArticleStatus? From { get; set; }

    public StoredArticleStatus To { get; set; }
    public int Version { get; set; }
    public string Actor { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string? Comment { get; set; }
}
