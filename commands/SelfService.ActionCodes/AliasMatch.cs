namespace SelfService.ActionCodes;

/// <summary>What one alias stands for: the parser's value in its keyword index.</summary>
internal sealed record AliasMatch(ActionDefinition Action, string Alias, string Language)
{
    /// <summary>Aliases of one code are the same thing: "OK" and "ОК" neither conflict nor make a typo ambiguous.</summary>
    public static readonly IEqualityComparer<AliasMatch> SameCode = EqualityComparer<AliasMatch>.Create(
        (a, b) => a?.Action.Code == b?.Action.Code,
        match => match.Action.Code.GetHashCode(StringComparison.Ordinal));
}
