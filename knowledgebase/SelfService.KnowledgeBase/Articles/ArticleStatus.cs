namespace SelfService.KnowledgeBase;

/// <summary>
/// Where the newest version of an article stands in the editorial workflow. An article whose status is not
/// <see cref="Published"/> may still have a live (older) version; see <see cref="Article.Live"/>.
/// </summary>
public enum ArticleStatus
{
    /// <summary>Being written; editable, not yet submitted.</summary>
    Draft,

    /// <summary>Submitted and waiting for a reviewer; not editable until approved or returned.</summary>
    InReview,

    /// <summary>Sent back by a reviewer with a comment; editable and re-submittable like a draft.</summary>
    Returned,

    /// <summary>The newest version is live and searchable.</summary>
    Published,

    /// <summary>Withdrawn for good; nothing of it is searchable and it can no longer be edited.</summary>
    Retired,
}
