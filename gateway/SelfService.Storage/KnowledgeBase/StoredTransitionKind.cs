namespace SelfService.Storage.KnowledgeBase;

/// <summary>The kind of a workflow step. The names are what the store keeps: do not rename them.</summary>
public enum StoredTransitionKind
{
    Created,
    Edited,
    Submitted,
    Approved,
    Returned,
    Retired,
    Imported,
    Restored,
}
