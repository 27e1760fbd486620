namespace SelfService.Smpp;

/// <summary>data_coding values of SMPP v3.4 (section 5.2.19) that this library names.</summary>
public static class DataCoding
{
    /// <summary>SMSC default alphabet, in practice GSM 03.38 (packed or unpacked, depending on the SMSC).</summary>
    public const byte SmscDefault = 0x00;
    /// <summary>IA5 (CCITT T.50) / ASCII.</summary>
    public const byte Ia5 = 0x01;
    /// <summary>Octet unspecified (8-bit binary).</summary>
    public const byte Binary = 0x02;
    /// <summary>Latin 1 (ISO-8859-1).</summary>
    public const byte Latin1 = 0x03;
    /// <summary>Octet unspecified (8-bit binary), the other code.</summary>
    public const byte Binary2 = 0x04;
    /// <summary>UCS2 (ISO/IEC-10646), big-endian.</summary>
    public const byte Ucs2 = 0x08;
    /// <summary>Not in the SMPP table: the GSM 03.38 CBS coding "language unspecified, default alphabet", common on USSD.</summary>
    public const byte GsmUnspecifiedLanguage = 0x0F;
}
