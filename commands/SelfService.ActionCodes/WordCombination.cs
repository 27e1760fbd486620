namespace SelfService.ActionCodes;

/// <summary>
/// Words of the catalogue's word groups that ask for an action when they come together anywhere in a message, in any
/// order: a person-noun with a need-verb ("нужен сотрудник поддержки") is AGENT, a marketing noun with a stopping word
/// ("no more promotional texts") is STOP. Written in the catalogue as <c>"agent + need"</c>; a group marked <c>?</c>
/// (<c>"stopping + marketing + messages?"</c>) need not be there, but its words belong to the request when they are.
/// </summary>
/// <param name="Required">The groups that must all be found, each by words of its own.</param>
/// <param name="Optional">The groups whose words count towards the request when found.</param>
public sealed record WordCombination(IReadOnlyList<string> Required, IReadOnlyList<string> Optional)
{
    /// <summary>
    /// Reads <c>"agent + need"</c> or <c>"stopping + marketing + messages?"</c>; null when no group is required or one is
    /// named twice (each group is met by all its words in the message, so a second mention could never be met).
    /// </summary>
    public static WordCombination? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var names = text.Split('+', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var required = names.Where(n => !n.EndsWith('?')).Select(n => n.ToLowerInvariant()).ToArray();
        var optional = names.Where(n => n.EndsWith('?')).Select(n => n.TrimEnd('?').Trim().ToLowerInvariant()).ToArray();
        var named = required.Concat(optional).ToList();
        return required.Length == 0 || named.Distinct().Count() < named.Count ? null : new WordCombination(required, optional);
    }

    /// <summary>Every group the combination names.</summary>
    public IEnumerable<string> Groups => Required.Concat(Optional);

    public override string ToString() => string.Join(" + ", Required.Concat(Optional.Select(o => o + "?")));
}
