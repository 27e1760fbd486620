namespace SelfService.ActionCodes;

/// <summary>
/// The catalogue's words for understanding requests written in customers' own words (the <c>understanding</c> section of
/// the action catalogue). Every list is per language (<c>ru</c>, <c>en</c>) and lower-case.
/// </summary>
/// <param name="Fillers">Words that carry no request of their own: <c>please</c>, <c>мне</c>, <c>хочу</c>.</param>
/// <param name="QuestionMarkers">Words or phrases that make a message a question for the knowledge base: <c>how</c>, <c>почему</c>.</param>
/// <param name="ServiceAliases">What customers call each service, by service code and language: VOICEMAIL → ru → <c>автоответчик</c>.</param>
/// <param name="Languages">
/// What customers call each language the gateway answers in, by language code, in any language: en → <c>english</c>,
/// <c>по-английски</c>, <c>en</c>. A language choice (<c>LANG EN</c>, <c>ЯЗЫК РУ</c>, "english please") names one of them.
/// </param>
public sealed record UnderstandingVocabulary(
    IReadOnlyDictionary<string, IReadOnlyList<string>> Fillers,
    IReadOnlyDictionary<string, IReadOnlyList<string>> QuestionMarkers,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> ServiceAliases,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Languages)
{
    /// <summary>
    /// Named groups of words that mean one thing together, by group name and language: <c>agent</c> → en →
    /// <c>operator</c>, <c>someone</c>; an action's <see cref="ActionDefinition.Combinations"/> name them
    /// (<c>agent + need</c>). A word in a group asks for nothing on its own.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> WordGroups { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>();

    /// <summary>
    /// The word groups whose words match only as written, not in every form: "включены" (switched on) shares its stem
    /// with "включить" (switch on), so a group of participles lists the forms it means.
    /// </summary>
    public IReadOnlySet<string> WordGroupsAsWritten { get; init; } = new HashSet<string>();

    /// <summary>
    /// Words that begin a clause of their own, per language: <c>because</c>, <c>before</c>, <c>потому что</c>. A reason or
    /// a condition told in one ("need my balance before i top up") is not part of the request, as after a comma.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ClauseWords { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>
    /// Words that refuse the language named beside them, per language: <c>don't read</c>, <c>не понимаю</c>, <c>is bad</c>.
    /// "english please, i don't read russian" names two languages and chooses one.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> LanguageRefusals { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>No words at all: only the exact codes are understood.</summary>
    public static UnderstandingVocabulary Empty { get; } = new(
        new Dictionary<string, IReadOnlyList<string>>(),
        new Dictionary<string, IReadOnlyList<string>>(),
        new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>(),
        new Dictionary<string, IReadOnlyList<string>>());

    /// <summary>The language code <paramref name="text"/> names as a whole (<c>EN</c>, <c>по-русски</c>), or null.</summary>
    public string? LanguageNamed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var typed = KeywordText.Normalize(text).ToLowerInvariant().Replace('ё', 'е');
        return Languages.FirstOrDefault(l => l.Value.Any(name => name.Replace('ё', 'е') == typed)).Key;
    }
}
