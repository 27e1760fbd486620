namespace SelfService.KnowledgeBase.Storage;

/// <summary>The <c>kb_article_transitions</c> row: one workflow step. The auto-increment id keeps steps in order.</summary>
internal sealed class ArticleTransitionDocument
{
    public int Id { get; set; }

    public string ArticleId { get; set; } = string.Empty;

    public TransitionKind Kind { get; set; }

    /// <summary>The status before the step, or null for the step that created the article.</summary>
    public ArticleStatus? From { get; set; }

    public ArticleStatus To { get; set; }

    public int Version { get; set; }

    public string Actor { get; set; } = string.Empty;

    public DateTime At { get; set; }

    public string? Comment { get; set; }
}
