namespace SelfService.Smpp;

/// <summary>How this SMSC wants text: set once per SMSC connection.</summary>
public sealed record SmsTextOptions
{
    public static SmsTextOptions Default { get; } = new();

    /// <summary>Pack GSM 7-bit septets (8 in 7 octets) for data_coding 0 and the other GSM 7-bit codings; most SMSCs want them
    /// unpacked over SMPP, one per octet (the default).</summary>
    public bool PackGsm7 { get; init; }

    /// <summary>Send text that is not all GSM but is all Latin-1 as data_coding 3 (140 per message) instead of UCS-2 (70).
    /// Off by default: handsets render UCS-2 everywhere, Latin-1 on the air interface depends on the SMSC.</summary>
    public bool AllowLatin1 { get; init; }
}
