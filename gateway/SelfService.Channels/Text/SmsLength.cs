using SelfService.Smpp;

namespace SelfService.Channels.Text;

/// <summary>How a text travels as SMS: its encoding, its length in that encoding's units and how many parts it takes.</summary>
public readonly record struct SmsLength(SmsEncoding Encoding, int Units, int Parts)
{
    // A single message holds 140 octets: 160 septets or 70 UCS-2 characters. A concatenated part
    // loses 6 octets to the UDH (05 00 03 ref total seq), leaving 153 septets or 67 characters.
    public const int Gsm7Single = 160, Gsm7Part = 153, Ucs2Single = 70, Ucs2Part = 67;

    public static SmsLength Measure(ReadOnlySpan<char> text)
    {
        var septets = GsmAlphabet.GetSeptetCount(text);
        return septets >= 0
            ? new SmsLength(SmsEncoding.Gsm7, septets, PartsFor(septets, Gsm7Single, Gsm7Part))
            : new SmsLength(SmsEncoding.Ucs2, text.Length, PartsFor(text.Length, Ucs2Single, Ucs2Part));
    }

    private static int PartsFor(int units, int single, int part) =>
        units <= single ? 1 : (units + part - 1) / part;
}

public enum SmsEncoding { Gsm7, Ucs2 }
