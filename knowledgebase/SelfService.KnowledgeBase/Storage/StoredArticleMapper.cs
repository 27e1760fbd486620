using SelfService.Storage.KnowledgeBase;

namespace SelfService.KnowledgeBase.Storage;

/// <summary>
/// Converts between the storage port's records and the knowledge base's own. The enums are mapped case by case, not
/// cast: the store keeps the port's names, and a value added to one side must fail loudly, not land on a neighbour.
/// </summary>
internal static class StoredArticleMapper
{
    public static ArticleContent ToContent(StoredArticleVersion version) => new(
        version.Language,
        version.Category,
        version.Title,
        version.Questions.ToList(),
        version.Keywords.ToList(),
        version.ShortAnswer,
        version.LongAnswer);

    public static ArticleVersion ToVersion(StoredArticleVersion version) =>
        new(version.ArticleId, version.Number, ToContent(version), version.Author, version.SavedAt);

    public static PublishedArticle ToPublished(StoredArticleVersion version) =>
        new(version.ArticleId, version.Number, ToContent(version));

    public static StoredArticleVersion ToStored(string articleId, int number, ArticleContent content, string author, DateTimeOffset savedAt) => new()
    {
        Id = StoredArticleVersion.MakeId(articleId, number),
        ArticleId = articleId,
        Number = number,
        Author = author,
        SavedAt = savedAt,
        Language = content.Language,
        Category = content.Category,
        Title = content.Title,
        Questions = content.Questions.ToList(),
        Keywords = content.Keywords.ToList(),
        ShortAnswer = content.ShortAnswer,
        LongAnswer = content.LongAnswer,
    };

    public static ArticleTransition ToTransition(StoredArticleTransition transition) => new(
        transition.ArticleId,
        ToKind(transition.Kind),
        transition.From is { } from ? ToStatus(from) : null,
        ToStatus(transition.To),
        transition.Version,
        transition.Actor,
        transition.At,
        transition.Comment);

    public static ArticleStatus ToStatus(StoredArticleStatus status) => status switch
    {
        StoredArticleStatus.Draft => ArticleStatus.Draft,
        StoredArticleStatus.InReview => ArticleStatus.InReview,
        StoredArticleStatus.Returned => ArticleStatus.Returned,
        StoredArticleStatus.Published => ArticleStatus.Published,
        StoredArticleStatus.Retired => ArticleStatus.Retired,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "An article status the knowledge base does not know."),
    };

    public static StoredArticleStatus ToStored(ArticleStatus status) => status switch
    {
        ArticleStatus.Draft => StoredArticleStatus.Draft,
        ArticleStatus.InReview => StoredArticleStatus.InReview,
        ArticleStatus.Returned => StoredArticleStatus.Returned,
        ArticleStatus.Published => StoredArticleStatus.Published,
        ArticleStatus.Retired => StoredArticleStatus.Retired,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "An article status the store does not know."),
    };

    public static TransitionKind ToKind(StoredTransitionKind kind) => kind switch
    {
        StoredTransitionKind.Created => TransitionKind.Created,
        StoredTransitionKind.Edited => TransitionKind.Edited,
        StoredTransitionKind.Submitted => TransitionKind.Submitted,
        StoredTransitionKind.Approved => TransitionKind.Approved,
        StoredTransitionKind.Returned => TransitionKind.Returned,
        StoredTransitionKind.Retired => TransitionKind.Retired,
        StoredTransitionKind.Imported => TransitionKind.Imported,
        StoredTransitionKind.Restored => TransitionKind.Restored,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A workflow step the knowledge base does not know."),
    };

    public static StoredTransitionKind ToStored(TransitionKind kind) => kind switch
    {
        TransitionKind.Created => StoredTransitionKind.Created,
        TransitionKind.Edited => StoredTransitionKind.Edited,
        TransitionKind.Submitted => StoredTransitionKind.Submitted,
        TransitionKind.Approved => StoredTransitionKind.Approved,
        TransitionKind.Returned => StoredTransitionKind.Returned,
        TransitionKind.Retired => StoredTransitionKind.Retired,
        TransitionKind.Imported => StoredTransitionKind.Imported,
        TransitionKind.Restored => StoredTransitionKind.Restored,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A workflow step the store does not know."),
    };
}
