namespace SelfService.ActionCodes;

/// <summary>One action of the operator's catalogue.</summary>
/// <param name="Code">The canonical code the command processor dispatches on, e.g. <c>ACT</c>.</param>
/// <param name="Aliases">Keywords per language (<c>ru</c>, <c>en</c>), upper-case with single spaces, e.g. <c>MY SERVICES</c>.</param>
/// <param name="Argument">What may follow the keyword.</param>
/// <param name="Descriptions">SMS-sized help lines per language, e.g. <c>BAL - balance</c>.</param>
public sealed record ActionDefinition(
    string Code,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Aliases,
    ArgumentKind Argument,
    IReadOnlyDictionary<string, string> Descriptions);
