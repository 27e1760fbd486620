namespace SelfService.KnowledgeBase;

/// <summary>What changed between two versions of an article, field by field, line by line: what a reviewer reads.</summary>
public static class ArticleDiff
{
    /// <param name="before">The version to compare with (the published or previous one); null when there is none, so everything is added.</param>
    /// <param name="after">The version under review.</param>
    public static IReadOnlyList<FieldDiff> Compare(ArticleContent? before, ArticleContent after)
    {
        ArgumentNullException.ThrowIfNull(after);
        return
        [
            Field(ArticleFields.Title, before is null ? [] : [before.Title], [after.Title]),
            Field(ArticleFields.Category, before is null ? [] : [before.Category], [after.Category]),
            Field(ArticleFields.Questions, before?.Questions ?? [], after.Questions),
            Field(ArticleFields.Keywords, before?.Keywords ?? [], after.Keywords),
            Field(ArticleFields.ShortAnswer, LineDiff.Lines(before?.ShortAnswer ?? ""), LineDiff.Lines(after.ShortAnswer)),
            Field(ArticleFields.LongAnswer, LineDiff.Lines(before?.LongAnswer ?? ""), LineDiff.Lines(after.LongAnswer)),
        ];
    }

    private static FieldDiff Field(string name, IReadOnlyList<string> before, IReadOnlyList<string> after) =>
        new(name, LineDiff.Compare(before, after));
}
