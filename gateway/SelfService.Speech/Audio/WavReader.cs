using System.Buffers.Binary;
using SelfService.Sip;

namespace SelfService.Speech.Audio;

/// <summary>
/// Reads a RIFF/WAVE file chunk by chunk (never a fixed 44-byte header: recorders put LIST, fact or bext chunks before
/// the data, and "fmt " can be 16, 18 or 40 bytes). Understands PCM 8/16/24/32-bit, IEEE float, A-law and μ-law, plain
/// or WAVE_FORMAT_EXTENSIBLE, any channel count (mixed down to mono).
/// </summary>
public static class WavReader
{
    private const ushort FormatPcm = 1;
    private const ushort FormatIeeeFloat = 3;
    private const ushort FormatALaw = 6;
    private const ushort FormatMuLaw = 7;
    private const ushort FormatExtensible = 0xFFFE;

    public static WavAudio Read(ReadOnlySpan<byte> file)
    {
        if (file.Length < 12) throw new WavFormatException($"the file is {file.Length} bytes, too short for a WAV header");
        if (!file[..4].SequenceEqual("RIFF"u8))
            throw new WavFormatException(file[..4].SequenceEqual("RIFX"u8) || file[..4].SequenceEqual("RF64"u8)
                ? $"{System.Text.Encoding.ASCII.GetString(file[..4])} files are not supported; save it as a plain RIFF WAV"
                : "not a WAV file (no RIFF header)");
        if (!file[8..12].SequenceEqual("WAVE"u8)) throw new WavFormatException("a RIFF file, but not WAVE audio");

        Format? format = null;
        ReadOnlySpan<byte> data = default;
        var foundData = false;
        var position = 12;
        while (position + 8 <= file.Length)
        {
            var id = file.Slice(position, 4);
            long size = BinaryPrimitives.ReadUInt32LittleEndian(file.Slice(position + 4, 4));
            var bodyStart = position + 8;
            var available = file.Length - bodyStart;
            if (id.SequenceEqual("data"u8))
            {
                // A writer that streams (espeak-ng --stdout) cannot go back to fill in the size and leaves a large
                // placeholder: the data is whatever follows.
                data = file.Slice(bodyStart, (int)Math.Min(size, available));
                foundData = true;
                break;
            }
            if (size > available) throw new WavFormatException($"the '{Printable(id)}' chunk says {size} bytes but only {available} follow (truncated file?)");
            if (id.SequenceEqual("fmt "u8)) format = ReadFormat(file.Slice(bodyStart, (int)size));
            // RIFF chunks are word-aligned: an odd-sized chunk is followed by a pad byte.
            position = bodyStart + (int)size + (int)(size & 1);
        }

        if (format is null) throw new WavFormatException(foundData ? "the data chunk comes before any 'fmt ' chunk" : "no 'fmt ' chunk: not a usable WAV file");
        if (!foundData) throw new WavFormatException("no 'data' chunk: the file holds no audio");
        var frames = data.Length / format.BlockAlign;
        return new WavAudio(format.SampleRate, MixToMono(data[..(frames * format.BlockAlign)], format, frames), format.ToString());
    }

    private static Format ReadFormat(ReadOnlySpan<byte> chunk)
    {
        if (chunk.Length < 16) throw new WavFormatException($"the 'fmt ' chunk is {chunk.Length} bytes; at least 16 are needed");
        var tag = BinaryPrimitives.ReadUInt16LittleEndian(chunk);
        var channels = BinaryPrimitives.ReadUInt16LittleEndian(chunk[2..]);
        var sampleRate = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
        var blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(chunk[12..]);
        var bits = BinaryPrimitives.ReadUInt16LittleEndian(chunk[14..]);
        if (tag == FormatExtensible)
        {
            // WAVEFORMATEXTENSIBLE: cbSize, valid bits, channel mask, then the sub-format GUID whose first two bytes
            // are the plain format tag.
            if (chunk.Length < 40) throw new WavFormatException("a WAVE_FORMAT_EXTENSIBLE 'fmt ' chunk shorter than 40 bytes");
            tag = BinaryPrimitives.ReadUInt16LittleEndian(chunk[24..]);
        }

        if (channels == 0) throw new WavFormatException("the file says it has 0 channels");
        if (sampleRate is < 4000 or > 384000) throw new WavFormatException($"a sample rate of {sampleRate} Hz is not plausible audio");
        var encoding = (tag, bits) switch
        {
            (FormatPcm, 8) => SampleEncoding.Unsigned8,
            (FormatPcm, 16) => SampleEncoding.Signed16,
            (FormatPcm, 24) => SampleEncoding.Signed24,
            (FormatPcm, 32) => SampleEncoding.Signed32,
            (FormatIeeeFloat, 32) => SampleEncoding.Float32,
            (FormatIeeeFloat, 64) => SampleEncoding.Float64,
            (FormatALaw, 8) => SampleEncoding.ALaw,
            (FormatMuLaw, 8) => SampleEncoding.MuLaw,
            (FormatPcm or FormatIeeeFloat or FormatALaw or FormatMuLaw, _) => throw new WavFormatException($"{bits}-bit samples are not supported for format {tag}"),
            _ => throw new WavFormatException($"WAV format {tag} (0x{tag:X4}) is not supported; use 16-bit PCM, or G.711 A-law or μ-law"),
        };
        var bytesPerSample = bits / 8;
        if (blockAlign != channels * bytesPerSample)
            throw new WavFormatException($"block align {blockAlign} does not match {channels} channel(s) of {bits}-bit samples");
        return new Format((int)sampleRate, channels, blockAlign, bytesPerSample, encoding, bits);
    }

    private static short[] MixToMono(ReadOnlySpan<byte> data, Format format, int frames)
    {
        var mono = new short[frames];
        for (var frame = 0; frame < frames; frame++)
        {
            var sum = 0.0;
            var offset = frame * format.BlockAlign;
            for (var channel = 0; channel < format.Channels; channel++, offset += format.BytesPerSample)
                sum += SampleAt(data.Slice(offset, format.BytesPerSample), format.Encoding);
            mono[frame] = ToShort(sum / format.Channels);
        }
        return mono;
    }

    /// <summary>One sample on the 16-bit scale (−32768 … 32767), as a double so channels mix without overflow.</summary>
    private static double SampleAt(ReadOnlySpan<byte> sample, SampleEncoding encoding) => encoding switch
    {
        SampleEncoding.Unsigned8 => (sample[0] - 128) * 256.0,
        SampleEncoding.Signed16 => BinaryPrimitives.ReadInt16LittleEndian(sample),
        SampleEncoding.Signed24 => ((sample[2] << 24) | (sample[1] << 16) | (sample[0] << 8)) / 65536.0,
        SampleEncoding.Signed32 => BinaryPrimitives.ReadInt32LittleEndian(sample) / 65536.0,
        SampleEncoding.Float32 => BinaryPrimitives.ReadSingleLittleEndian(sample) * 32768.0,
        SampleEncoding.Float64 => BinaryPrimitives.ReadDoubleLittleEndian(sample) * 32768.0,
        SampleEncoding.ALaw => G711.ALawDecode(sample[0]),
        SampleEncoding.MuLaw => G711.MuLawDecode(sample[0]),
        _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
    };

    internal static short ToShort(double value) =>
        double.IsNaN(value) ? (short)0 : (short)Math.Clamp(Math.Round(value), short.MinValue, short.MaxValue);

    private static string Printable(ReadOnlySpan<byte> id)
    {
        Span<char> chars = stackalloc char[id.Length];
        for (var i = 0; i < id.Length; i++) chars[i] = id[i] is >= 0x20 and < 0x7F ? (char)id[i] : '?';
        return new string(chars);
    }

    private enum SampleEncoding { Unsigned8, Signed16, Signed24, Signed32, Float32, Float64, ALaw, MuLaw }

    private sealed record Format(int SampleRate, int Channels, int BlockAlign, int BytesPerSample, SampleEncoding Encoding, int Bits)
    {
        public override string ToString() =>
            $"{Encoding switch { SampleEncoding.ALaw => "G.711 A-law", SampleEncoding.MuLaw => "G.711 μ-law", SampleEncoding.Float32 or SampleEncoding.Float64 => $"float {Bits}-bit", _ => $"PCM {Bits}-bit" }} " +
            $"{(Channels == 1 ? "mono" : Channels == 2 ? "stereo" : $"{Channels} channels")} {SampleRate} Hz";
    }
}
