namespace SelfService.ActionCodes;

/// <summary>
/// The catalogue's words for understanding requests written in customers' own words (the <c>understanding</c> section of
/// the action catalogue). Every list is per language (<c>ru</c>, <c>en</c>) and lower-case.
/// </summary>
/// <param name="Fillers">Words that carry no request of their own: <c>please</c>, <c>мне</c>, <c>хочу</c>.</param>
/// <param name="QuestionMarkers">Words or phrases that make a message a question for the knowledge base: <c>how</c>, <c>почему</c>.</param>
/// <param name="ServiceAliases">What customers call each service, by service code and language: VOICEMAIL → ru → <c>автоответчик</c>.</param>
public sealed record UnderstandingVocabulary(
    IReadOnlyDictionary<string, IReadOnlyList<string>> Fillers,
    IReadOnlyDictionary<string, IReadOnlyList<string>> QuestionMarkers,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> ServiceAliases)
{
    /// <summary>No words at all: only the exact codes are understood.</summary>
    public static UnderstandingVocabulary Empty { get; } = new(
        new Dictionary<string, IReadOnlyList<string>>(),
        new Dictionary<string, IReadOnlyList<string>>(),
        new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>());
}
