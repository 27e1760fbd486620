namespace SelfService.Speech.Audio;

/// <summary>
/// G.711 expansion (ITU-T G.711 tables 1a and 2a), for prompt files recorded as A-law or μ-law WAV.
/// The RTP side has its own encoder; this library stands alone, so it carries the two small decoders it needs.
/// </summary>
internal static class G711
{
    public static short DecodeMuLaw(byte encoded)
    {
        int u = ~encoded & 0xFF;
        int magnitude = (((u & 0x0F) << 3) + 0x84) << ((u & 0x70) >> 4);
        return (short)((u & 0x80) != 0 ? 0x84 - magnitude : magnitude - 0x84);
    }

    public static short DecodeALaw(byte encoded)
    {
        int a = encoded ^ 0x55;
        int mantissa = (a & 0x0F) << 4;
        int segment = (a & 0x70) >> 4;
        int magnitude = segment switch
        {
            0 => mantissa + 8,
            1 => mantissa + 0x108,
            _ => (mantissa + 0x108) << (segment - 1),
        };
        return (short)((a & 0x80) != 0 ? magnitude : -magnitude);
    }
}
