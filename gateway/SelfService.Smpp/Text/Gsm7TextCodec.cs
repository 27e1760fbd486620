namespace SelfService.Smpp;

/// <summary>The GSM 03.38 default alphabet (data_coding 0, "SMSC default"), one septet per octet or packed.</summary>
/// <remarks>
/// Over SMPP most SMSCs expect one septet per octet and pack for the air interface themselves; some want the septets
/// packed as on the air (3GPP TS 23.038 section 6.1.2.1). Packed user data after a UDH starts on the next septet
/// boundary (TS 23.040 section 9.2.3.24, "fill bits").
/// SMPP carries no septet count, so in packed form 7 spare bits at the end look like one more septet. The encoder leaves
/// fill bits at zero, as SMS packing does (23.038 section 6.1.2.1.1; the SMSC derives TP-UDL); the decoder drops a final
/// '@' (zeros) or CR (the USSD padding of section 6.1.2.3.1) that sits exactly in those 7 bits. A real final '@' or CR
/// in that position cannot be told from padding without a septet count.
/// </remarks>
public sealed class Gsm7TextCodec : ISmsTextCodec
{
    private const byte CarriageReturn = 0x0D;

    public Gsm7TextCodec(bool packed = false, byte dataCoding = Smpp.DataCoding.SmscDefault)
    {
        Packed = packed;
        DataCoding = dataCoding;
    }

    /// <summary>One septet per octet, data_coding 0: what most SMSCs expect over SMPP.</summary>
    public static Gsm7TextCodec Unpacked { get; } = new(packed: false);

    /// <summary>Septets packed 8 into 7 octets, data_coding 0.</summary>
    public static Gsm7TextCodec PackedCodec { get; } = new(packed: true);

    public bool Packed { get; }

    public byte DataCoding { get; }

    public int BitsPerUnit => 7;

    public bool CanEncode(ReadOnlySpan<char> text) => GsmAlphabet.CanEncode(text);

    public int GetUnitCount(char c) => GsmAlphabet.GetSeptetCount(c);

    public int GetUnitCount(ReadOnlySpan<char> text) => GsmAlphabet.GetSeptetCount(text);

    public byte[] Encode(ReadOnlySpan<char> text, ReadOnlySpan<byte> udh = default)
    {
        int count = GsmAlphabet.GetSeptetCount(text);
        if (count < 0) throw new ArgumentException("The text has characters outside the GSM 03.38 alphabet", nameof(text));
        var septets = new byte[count];
        GsmAlphabet.WriteSeptets(text, septets);
        if (!Packed)
        {
            var bytes = new byte[udh.Length + count];
            udh.CopyTo(bytes);
            septets.CopyTo(bytes, udh.Length);
            return bytes;
        }

        int startBit = StartBit(udh.Length);
        int totalBits = startBit + 7 * count;
        var packed = new byte[(totalBits + 7) / 8];
        udh.CopyTo(packed);
        int bit = startBit;
        foreach (byte septet in septets) bit = WriteSeptet(packed, bit, septet);
        return packed;
    }

    public string Decode(ReadOnlySpan<byte> userData, int udhLength = 0)
    {
        if (udhLength >= userData.Length) return string.Empty;
        if (!Packed) return GsmAlphabet.ReadSeptets(userData[udhLength..]);

        int startBit = StartBit(udhLength);
        int totalBits = userData.Length * 8;
        int count = Math.Max(0, (totalBits - startBit) / 7);
        var septets = count <= 512 ? stackalloc byte[count] : new byte[count];
        for (int i = 0; i < count; i++) septets[i] = ReadSeptet(userData, startBit + 7 * i);
        // The last septet may be the 7 spare bits of a message one septet shorter.
        if (count > 0 && startBit + 7 * count == totalBits && septets[count - 1] is CarriageReturn or 0)
        {
            count--;
        }
        return GsmAlphabet.ReadSeptets(septets[..count]);
    }

    private static int StartBit(int udhLength) => udhLength == 0 ? 0 : (udhLength * 8 + 6) / 7 * 7;

    private static int WriteSeptet(byte[] buffer, int bit, byte septet)
    {
        int index = bit / 8, shift = bit % 8;
        buffer[index] |= (byte)(septet << shift);
        if (shift > 1) buffer[index + 1] |= (byte)(septet >> (8 - shift));
        return bit + 7;
    }

    private static byte ReadSeptet(ReadOnlySpan<byte> buffer, int bit)
    {
        int index = bit / 8, shift = bit % 8;
        int value = buffer[index] >> shift;
        if (shift > 1 && index + 1 < buffer.Length) value |= buffer[index + 1] << (8 - shift);
        return (byte)(value & 0x7F);
    }
}
