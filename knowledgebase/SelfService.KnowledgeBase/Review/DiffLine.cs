namespace SelfService.KnowledgeBase;

/// <summary>One line of a line diff: kept as it was, removed from the old text or added in the new one.</summary>
public sealed record DiffLine(DiffKind Kind, string Text);

public enum DiffKind
{
    Unchanged,
    Removed,
    Added,
}
