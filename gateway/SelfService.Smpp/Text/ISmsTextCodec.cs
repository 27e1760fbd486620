namespace SelfService.Smpp;

/// <summary>One text encoding of the short message user data, for one data_coding.</summary>
/// <remarks>
/// Sizes are counted in the units the 140-octet air-interface user data is measured in (3GPP TS 23.040 section 9.2.3.16):
/// 7-bit septets (160 per message), octets (140) or 16-bit UCS-2 code units (70), as <see cref="BitsPerUnit"/> says.
/// </remarks>
public interface ISmsTextCodec
{
    /// <summary>The data_coding value this codec writes.</summary>
    byte DataCoding { get; }

    /// <summary>7, 8 or 16: the size of one unit on the air interface.</summary>
    int BitsPerUnit { get; }

    /// <summary>True when every character of <paramref name="text"/> can be encoded.</summary>
    bool CanEncode(ReadOnlySpan<char> text);

    /// <summary>How many units one character takes (2 for a GSM extension character), or 0 when it cannot be encoded.</summary>
    int GetUnitCount(char c);

    /// <summary>How many units <paramref name="text"/> takes, or -1 when a character cannot be encoded.</summary>
    int GetUnitCount(ReadOnlySpan<char> text);

    /// <summary>The short_message octets: <paramref name="udh"/> (UDHL included) then the text, aligned as the coding requires.</summary>
    /// <exception cref="ArgumentException">A character cannot be encoded.</exception>
    byte[] Encode(ReadOnlySpan<char> text, ReadOnlySpan<byte> udh = default);

    /// <summary>The text of <paramref name="userData"/>, skipping its first <paramref name="udhLength"/> octets (UDHL included).</summary>
    string Decode(ReadOnlySpan<byte> userData, int udhLength = 0);
}
