using System.Collections.Frozen;

namespace SelfService.Smpp;

/// <summary>The GSM 03.38 (3GPP TS 23.038 section 6.2.1) default alphabet and its extension table behind the escape 0x1B.</summary>
public static class GsmAlphabet
{
    /// <summary>The escape to the extension table.</summary>
    public const byte Escape = 0x1B;

    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅå" +
        "Δ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ" +
        " !\"#¤%&'()*+,-./" +
        "0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNO" +
        "PQRSTUVWXYZÄÖÑÜ§" +
        "¿abcdefghijklmno" +
        "pqrstuvwxyzäöñüà";

    // 23.038 section 6.2.1.1: form feed, ^ { } \ [ ~ ] | and the euro sign.
    private static readonly (byte Code, char Char)[] Extension =
    [
        (0x0A, '\f'), (0x14, '^'), (0x28, '{'), (0x29, '}'), (0x2F, '\\'),
        (0x3C, '['), (0x3D, '~'), (0x3E, ']'), (0x40, '|'), (0x65, '€'),
    ];

    private static readonly FrozenDictionary<char, byte> BasicCodes =
        Basic.Select((c, i) => (c, i)).Where(x => x.i != Escape).ToFrozenDictionary(x => x.c, x => (byte)x.i);

    private static readonly FrozenDictionary<char, byte> ExtensionCodes = Extension.ToFrozenDictionary(x => x.Char, x => x.Code);

    private static readonly char[] ExtensionChars = BuildExtensionChars();

    private static char[] BuildExtensionChars()
    {
        var chars = new char[128];
        foreach (var (code, c) in Extension) chars[code] = c;
        return chars;
    }

    /// <summary>The septets of one character: 1 from the basic table, 2 (escape + code) from the extension table, 0 if neither.</summary>
    public static int GetSeptetCount(char c) => BasicCodes.ContainsKey(c) ? 1 : ExtensionCodes.ContainsKey(c) ? 2 : 0;

    /// <summary>The septets of a text, or -1 when a character is in neither table.</summary>
    public static int GetSeptetCount(ReadOnlySpan<char> text)
    {
        int count = 0;
        foreach (char c in text)
        {
            int n = GetSeptetCount(c);
            if (n == 0) return -1;
            count += n;
        }
        return count;
    }

    public static bool CanEncode(ReadOnlySpan<char> text) => GetSeptetCount(text) >= 0;

    /// <summary>Writes the septets of <paramref name="text"/>, one per octet.</summary>
    /// <exception cref="ArgumentException">A character is in neither table.</exception>
    public static int WriteSeptets(ReadOnlySpan<char> text, Span<byte> septets)
    {
        int n = 0;
        foreach (char c in text)
        {
            if (BasicCodes.TryGetValue(c, out byte code))
            {
                septets[n++] = code;
            }
            else if (ExtensionCodes.TryGetValue(c, out code))
            {
                septets[n++] = Escape;
                septets[n++] = code;
            }
            else
            {
                throw new ArgumentException($"'{c}' (U+{(int)c:X4}) is not in the GSM 03.38 alphabet", nameof(text));
            }
        }
        return n;
    }

    /// <summary>The text of septets, one per octet (the high bit is ignored).</summary>
    /// <remarks>An escape to an unknown extension code shows the basic character, as 23.038 section 6.2.1.1 asks;
    /// a doubled escape (reserved for a further table) shows a space; a trailing escape is dropped.</remarks>
    public static string ReadSeptets(ReadOnlySpan<byte> septets)
    {
        if (septets.IsEmpty) return string.Empty;
        Span<char> chars = septets.Length <= 512 ? stackalloc char[septets.Length] : new char[septets.Length];
        int n = 0;
        for (int i = 0; i < septets.Length; i++)
        {
            int code = septets[i] & 0x7F;
            if (code != Escape)
            {
                chars[n++] = Basic[code];
                continue;
            }
            if (++i >= septets.Length) break;
            int next = septets[i] & 0x7F;
            chars[n++] = next == Escape ? ' ' : ExtensionChars[next] != '\0' ? ExtensionChars[next] : Basic[next];
        }
        return new string(chars[..n]);
    }
}
