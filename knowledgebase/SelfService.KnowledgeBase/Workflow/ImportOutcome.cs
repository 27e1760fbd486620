namespace SelfService.KnowledgeBase;

/// <summary>What importing one article did.</summary>
internal enum ImportOutcome
{
    /// <summary>A new article, published as version 1.</summary>
    Created,

    /// <summary>The content differed from the live version and was published as a new version.</summary>
    Updated,

    /// <summary>The live version already has exactly this content; nothing was written.</summary>
    Unchanged,

    /// <summary>Left alone because editors own its current state (a pending draft or review, or retirement).</summary>
    Skipped,
}
