namespace SelfService.Smpp;

/// <summary>Finds the codec for a data_coding, and picks the smallest one that can carry a text.</summary>
public static class SmsTextCodecs
{
    private static readonly Gsm7TextCodec[] GsmUnpacked = [Gsm7TextCodec.Unpacked, new(false, DataCoding.GsmUnspecifiedLanguage)];
    private static readonly Gsm7TextCodec[] GsmPacked = [Gsm7TextCodec.PackedCodec, new(true, DataCoding.GsmUnspecifiedLanguage)];

    /// <summary>The codec that reads user data of this data_coding, or null for binary and unsupported codings.</summary>
    /// <remarks>
    /// Besides the SMPP v3.4 table (section 5.2.19: 0 SMSC default, 1 IA5, 3 Latin-1, 8 UCS-2) this reads the GSM 03.38
    /// coding groups SMSCs pass through (3GPP TS 23.038 chapter 4 and, for USSD, chapter 5): 0x0F "language unspecified,
    /// default alphabet"; 0x10-0x3F general data coding (uncompressed); 0xC0-0xEF message waiting groups; 0xF0-0xFF
    /// message class groups, where bit 2 chooses between the default alphabet and 8-bit data.
    /// </remarks>
    public static ISmsTextCodec? ForDataCoding(byte dataCoding, SmsTextOptions? options = null)
    {
        var gsm = (options ?? SmsTextOptions.Default).PackGsm7 ? GsmPacked : GsmUnpacked;
        switch (dataCoding)
        {
            case DataCoding.SmscDefault: return gsm[0];
            case DataCoding.Ia5: return Ia5TextCodec.Instance;
            case DataCoding.Latin1: return Latin1TextCodec.Instance;
            case DataCoding.Ucs2: return Ucs2TextCodec.Instance;
            case DataCoding.GsmUnspecifiedLanguage: return gsm[1];
        }
        if (dataCoding is >= 0x10 and <= 0x3F)
        {
            if ((dataCoding & 0x20) != 0) return null; // compressed
            return ((dataCoding >> 2) & 0x03) switch { 0 => gsm[0], 2 => Ucs2TextCodec.Instance, _ => null };
        }
        if (dataCoding is >= 0xC0 and <= 0xDF) return gsm[0];
        if (dataCoding is >= 0xE0 and <= 0xEF) return Ucs2TextCodec.Instance;
        if (dataCoding >= 0xF0) return (dataCoding & 0x04) == 0 ? gsm[0] : null;
        return null;
    }

    /// <summary>The text of user data in this data_coding (UDH skipped), or null for binary and unsupported codings.</summary>
    public static string? Decode(byte dataCoding, ReadOnlySpan<byte> userData, int udhLength = 0, SmsTextOptions? options = null) =>
        ForDataCoding(dataCoding, options)?.Decode(userData, udhLength);

    /// <summary>The smallest codec that can carry <paramref name="text"/>: GSM 7-bit when every character is in the GSM alphabet
    /// (extension characters count 2), else Latin-1 when allowed and enough, else UCS-2.</summary>
    public static ISmsTextCodec Choose(ReadOnlySpan<char> text, SmsTextOptions? options = null)
    {
        options ??= SmsTextOptions.Default;
        if (GsmAlphabet.CanEncode(text)) return options.PackGsm7 ? GsmPacked[0] : GsmUnpacked[0];
        if (options.AllowLatin1 && Latin1TextCodec.Instance.CanEncode(text)) return Latin1TextCodec.Instance;
        return Ucs2TextCodec.Instance;
    }
}
