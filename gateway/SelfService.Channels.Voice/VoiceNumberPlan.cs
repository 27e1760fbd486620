namespace SelfService.Channels.Voice;

/// <summary>The dialled number picks the entry: a menu, or an action code.</summary>
public sealed class VoiceNumberPlan
{
    private readonly Dictionary<string, VoiceNumber> _numbers;

    public VoiceNumberPlan(IReadOnlyDictionary<string, VoiceNumber> numbers) =>
        _numbers = numbers.ToDictionary(n => Normalize(n.Key), n => n.Value, StringComparer.Ordinal);

    /// <summary>The entry of <paramref name="dialled"/> (a SIP user part such as "0611" or "+7-495-000-06-11"), or null.</summary>
    public VoiceNumber? Find(string dialled) => _numbers.GetValueOrDefault(Normalize(dialled));

    /// <summary>The number as compared: its digits, with a leading '+' kept (trunks write numbers with dashes, dots, spaces).</summary>
    public static string Normalize(string number)
    {
        var digits = new string(number.Where(char.IsAsciiDigit).ToArray());
        return digits.Length > 0 && number.TrimStart().StartsWith('+') ? "+" + digits : digits;
    }
}
