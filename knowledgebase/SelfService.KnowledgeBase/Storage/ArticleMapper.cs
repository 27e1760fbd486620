namespace SelfService.KnowledgeBase.Storage;

/// <summary>Converts between the storage documents and the public records.</summary>
internal static class ArticleMapper
{
    public static ArticleContent ToContent(ArticleVersionDocument version) => new(
        version.Language,
        version.Category,
        version.Title,
        version.Questions.ToList(),
        version.Keywords.ToList(),
        version.ShortAnswer,
        version.LongAnswer);

    public static ArticleVersion ToVersion(ArticleVersionDocument version) =>
        new(version.ArticleId, version.Number, ToContent(version), version.Author, ToOffset(version.SavedAt));

    public static ArticleVersionDocument ToDocument(string articleId, int number, ArticleContent content, string author, DateTimeOffset savedAt) => new()
    {
        Id = ArticleVersionDocument.MakeId(articleId, number),
        ArticleId = articleId,
        Number = number,
        Author = author,
        SavedAt = savedAt.UtcDateTime,
        Language = content.Language,
        Category = content.Category,
        Title = content.Title,
        Questions = content.Questions.ToList(),
        Keywords = content.Keywords.ToList(),
        ShortAnswer = content.ShortAnswer,
        LongAnswer = content.LongAnswer,
    };

    public static ArticleTransition ToTransition(ArticleTransitionDocument transition) => new(
        transition.ArticleId,
        transition.Kind,
        transition.From,
        transition.To,
        transition.Version,
        transition.Actor,
        ToOffset(transition.At),
        transition.Comment);

    /// <summary>
    /// LiteDB stores UTC but hands dates back in local time unless the host's mapper says otherwise;
    /// converting to UTC here is right either way.
    /// </summary>
    public static DateTimeOffset ToOffset(DateTime stored) =>
        new(DateTime.SpecifyKind(stored.Kind == DateTimeKind.Unspecified ? stored : stored.ToUniversalTime(), DateTimeKind.Utc), TimeSpan.Zero);
}
