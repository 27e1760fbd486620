namespace SelfService.KnowledgeBase;

/// <summary>What an import did, article by article.</summary>
/// <param name="SkippedIds">Articles left alone because editors own their current state (a pending draft or review, or retirement).</param>
public sealed record ImportResult(int Created, int Updated, int Unchanged, IReadOnlyList<string> SkippedIds)
{
    public int Total => Created + Updated + Unchanged + SkippedIds.Count;
}
