using System.Collections.Frozen;

namespace SelfService.Channels.Text;

/// <summary>
/// The GSM 03.38 default alphabet and its extension table (3GPP TS 23.038 §6.2.1).
/// Extension characters travel behind the escape septet 0x1B and so cost two septets.
/// </summary>
public static class Gsm7Alphabet
{
    /// <summary>The basic table in septet order: the character at index i is septet i (0x1B, the escape, is a placeholder).</summary>
    public const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    /// <summary>The extension table: character → septet that follows the escape.</summary>
    public static readonly FrozenDictionary<char, byte> Extension = new Dictionary<char, byte>
    {
        ['\f'] = 0x0A, ['^'] = 0x14, ['{'] = 0x28, ['}'] = 0x29, ['\\'] = 0x2F,
        ['['] = 0x3C, ['~'] = 0x3D, [']'] = 0x3E, ['|'] = 0x40, ['€'] = 0x65,
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<char, byte> BasicIndex =
        Basic.Select((c, i) => (c, i)).Where(p => p.c != '\u001b').ToFrozenDictionary(p => p.c, p => (byte)p.i);

    public static bool TryGetSeptet(char c, out byte septet) => BasicIndex.TryGetValue(c, out septet);

    /// <summary>The septets a text needs in GSM-7, or -1 when some character is not in the alphabet.</summary>
    public static int CountSeptets(ReadOnlySpan<char> text)
    {
        var septets = 0;
        foreach (var c in text)
        {
            if (BasicIndex.ContainsKey(c)) septets += 1;
            else if (Extension.ContainsKey(c)) septets += 2;
            else return -1;
        }
        return septets;
    }
}
