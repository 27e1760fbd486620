namespace SelfService.KnowledgeBase;

/// <summary>What happened to an article in one step of its history.</summary>
public enum TransitionKind
{
    Created,
    Edited,
    Submitted,
    Approved,
    Returned,
    Retired,

    /// <summary>Published directly by the importer (an operator seeding or updating the knowledge base from a file).</summary>
    Imported,

    /// <summary>An old version's content saved again as a new draft (its number is in the comment, as "v2").</summary>
    Restored,
}
