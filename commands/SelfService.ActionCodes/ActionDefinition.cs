namespace SelfService.ActionCodes;

/// <summary>One action of the operator's catalogue.</summary>
/// <param name="Code">The canonical code the command processor dispatches on, e.g. <c>ACT</c>.</param>
/// <param name="Aliases">Keywords per language (<c>ru</c>, <c>en</c>), upper-case with single spaces, e.g. <c>MY SERVICES</c>.</param>
/// <param name="Argument">What may follow the keyword.</param>
/// <param name="Descriptions">SMS-sized help lines per language, e.g. <c>BAL - balance</c>.</param>
/// <param name="Phrases">
/// How customers ask for the action in their own words, per language, lower-case (<c>turn on</c>, <c>сколько денег</c>):
/// found anywhere in a message, in any word form. The aliases count as phrases too.
/// </param>
/// <param name="ActsOnQuestion">
/// True when a question that asks for the action is a request all the same ("how do I reach a person?" wants a person,
/// not an article saying how); false when such a question is for the knowledge base ("how do I turn on roaming?").
/// </param>
/// <param name="Topic">The <see cref="HelpTopic.Code"/> HELP lists the action under, or null when the catalogue has no topics.</param>
public sealed record ActionDefinition(
    string Code,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Aliases,
    ArgumentKind Argument,
    IReadOnlyDictionary<string, string> Descriptions,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Phrases,
    bool ActsOnQuestion,
    string? Topic = null)
{
    /// <summary>
    /// Word groups of <see cref="UnderstandingVocabulary.WordGroups"/> that ask for the action when they come together in
    /// a message (<c>agent + need</c>); empty when the action has none.
    /// </summary>
    public IReadOnlyList<WordCombination> Combinations { get; init; } = [];

    /// <summary>
    /// True when the action has a sensible default for a missing argument (CALLBACK calls the customer's own number), so
    /// a request without one is complete; false when it must be asked for (LINK needs the number to link).
    /// </summary>
    public bool ArgumentOptional { get; init; }
}
