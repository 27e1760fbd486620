namespace SelfService.Commands.Understanding;

/// <summary>The services a message names: one code when it is clear, several when they fit equally; the words that named them.</summary>
/// <param name="ByWholeName">True when a whole name or alias matched, false when only part of one did ("голосовую").</param>
public sealed record ServiceMention(IReadOnlyList<string> Codes, IReadOnlySet<int> Words, bool ByWholeName)
{
    public static ServiceMention None { get; } = new([], new HashSet<int>(), ByWholeName: false);
}
