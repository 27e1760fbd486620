namespace SelfService.Messaging.Text;

/// <summary>How a text travels as SMS: its encoding, its length in that encoding's units and how many parts it takes.</summary>
/// <remarks>The channel that speaks GSM-7 measures it (<see cref="ChannelProfile.Measure"/>): the GSM 03.38 tables live in
/// the SMPP library, which this contract does not reference.</remarks>
public readonly record struct SmsLength(SmsEncoding Encoding, int Units, int Parts)
{
    // A single message holds 140 octets: 160 septets or 70 UCS-2 characters. A concatenated part
    // loses 6 octets to the UDH (05 00 03 ref total seq), leaving 153 septets or 67 characters.
    public const int Gsm7Single = 160, Gsm7Part = 153, Ucs2Single = 70, Ucs2Part = 67;
}

public enum SmsEncoding { Gsm7, Ucs2 }

/// <summary>How <paramref name="text"/> travels as SMS on a channel, parts counted at the standard 153/67 a part.</summary>
public delegate SmsLength SmsMeasure(string text);
