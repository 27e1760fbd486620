using System.Numerics;

namespace SelfService.Sip;

/// <summary>
/// ITU-T G.711 companding (RFC 3551 4.5.14): 16-bit linear PCM to 8-bit μ-law or A-law and back.
/// Segment (exponent) and 4-bit step (mantissa) are computed, not looked up; decoding uses a 256-entry table built once.
/// </summary>
public static class G711
{
    private const int MuLawBias = 0x84;
    private const int MuLawClip = 32635;
    private static readonly short[] MuLawTable = BuildTable(MuLawDecodeSlow);
    private static readonly short[] ALawTable = BuildTable(ALawDecodeSlow);

    public static byte MuLawEncode(short sample)
    {
        int value = sample;
        var sign = value < 0 ? 0x80 : 0;
        if (value < 0) value = -value;
        if (value > MuLawClip) value = MuLawClip;
        value += MuLawBias;
        var exponent = BitOperations.Log2((uint)value) - 7;
        var mantissa = (value >> (exponent + 3)) & 0x0F;
        return (byte)~(sign | (exponent << 4) | mantissa);
    }

    public static short MuLawDecode(byte code) => MuLawTable[code];

    public static byte ALawEncode(short sample)
    {
        int value = sample;
        var sign = value >= 0 ? 0x80 : 0;
        if (value < 0) value = -value - 1;   // A-law is symmetric around -0.5: -1 maps to the smallest negative step
        int exponent, mantissa;
        if (value >= 256)
        {
            exponent = BitOperations.Log2((uint)value) - 7;
            mantissa = (value >> (exponent + 3)) & 0x0F;
        }
        else
        {
            exponent = 0;
            mantissa = value >> 4;
        }
        return (byte)((sign | (exponent << 4) | mantissa) ^ 0x55);   // even bits inverted (G.711 table 1a)
    }

    public static short ALawDecode(byte code) => ALawTable[code];

    public static byte Encode(G711Codec codec, short sample) => codec == G711Codec.Pcmu ? MuLawEncode(sample) : ALawEncode(sample);

    public static short Decode(G711Codec codec, byte code) => codec == G711Codec.Pcmu ? MuLawDecode(code) : ALawDecode(code);

    public static void Encode(G711Codec codec, ReadOnlySpan<short> samples, Span<byte> destination)
    {
        if (destination.Length < samples.Length) throw new ArgumentException("destination too short", nameof(destination));
        for (var i = 0; i < samples.Length; i++) destination[i] = Encode(codec, samples[i]);
    }

    public static void Decode(G711Codec codec, ReadOnlySpan<byte> codes, Span<short> destination)
    {
        if (destination.Length < codes.Length) throw new ArgumentException("destination too short", nameof(destination));
        var table = codec == G711Codec.Pcmu ? MuLawTable : ALawTable;
        for (var i = 0; i < codes.Length; i++) destination[i] = table[codes[i]];
    }

    /// <summary>The code of silence: what a frame of zeros encodes to (0xFF μ-law, 0xD5 A-law).</summary>
    public static byte Silence(G711Codec codec) => Encode(codec, 0);

    private static short MuLawDecodeSlow(byte code)
    {
        var inverted = ~code & 0xFF;
        var exponent = (inverted >> 4) & 0x07;
        var mantissa = inverted & 0x0F;
        var magnitude = (((mantissa << 3) + MuLawBias) << exponent) - MuLawBias;
        return (short)((inverted & 0x80) != 0 ? -magnitude : magnitude);
    }

    private static short ALawDecodeSlow(byte code)
    {
        var value = code ^ 0x55;
        var exponent = (value >> 4) & 0x07;
        var mantissa = value & 0x0F;
        var magnitude = exponent == 0 ? (mantissa << 4) + 8 : ((mantissa << 4) + 0x108) << (exponent - 1);
        return (short)((value & 0x80) != 0 ? magnitude : -magnitude);
    }

    private static short[] BuildTable(Func<byte, short> decode)
    {
        var table = new short[256];
        for (var i = 0; i < 256; i++) table[i] = decode((byte)i);
        return table;
    }
}
