namespace SelfService.KnowledgeBase;

/// <summary>Search settings, bound from the <c>KnowledgeBase</c> configuration section by the host.</summary>
public sealed class KnowledgeBaseOptions
{
    public const string SectionName = "KnowledgeBase";

    /// <summary>
    /// The confidence (0..1) below which callers should not answer from the knowledge base but escalate.
    /// The default was tuned on the held-out evaluation set in the tests: clear paraphrases score well above it,
    /// off-topic questions well below it.
    /// </summary>
    public double MinimumScore { get; set; } = 0.45;

    /// <summary>How many matches a search returns when the caller does not ask for a number.</summary>
    public int MaxResults { get; set; } = 3;

    /// <summary>Whether a question may be answered from the other language when nothing in its own language passes <see cref="MinimumScore"/>.</summary>
    public bool FallbackToOtherLanguage { get; set; } = true;
}
