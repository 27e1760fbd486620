namespace SelfService.KnowledgeBase;

/// <summary>The line diff of one field of an article between two versions.</summary>
/// <param name="Field">One of <see cref="ArticleFields"/>.</param>
public sealed record FieldDiff(string Field, IReadOnlyList<DiffLine> Lines)
{
    public bool Changed => Lines.Any(line => line.Kind != DiffKind.Unchanged);
}
