using System.Buffers.Binary;

namespace SelfService.Speech.Tests;

/// <summary>Builds WAV files chunk by chunk, the way other recorders write them (extra chunks, odd sizes, extensible headers).</summary>
internal sealed class WavBuilder
{
    private readonly List<(string Id, byte[] Body)> _chunks = [];
    private uint? _riffSize;

    public static byte[] Format(ushort tag, ushort channels, int sampleRate, ushort bits)
    {
        var body = new byte[16];
        var blockAlign = (ushort)(channels * bits / 8);
        BinaryPrimitives.WriteUInt16LittleEndian(body, tag);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(2), channels);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(4), (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(8), (uint)(sampleRate * blockAlign));
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(12), blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(14), bits);
        return body;
    }

    /// <summary>WAVE_FORMAT_EXTENSIBLE: the 16 bytes, cbSize 22, valid bits, channel mask, then the sub-format GUID.</summary>
    public static byte[] ExtensibleFormat(ushort subFormat, ushort channels, int sampleRate, ushort bits)
    {
        var body = new byte[40];
        Format(0xFFFE, channels, sampleRate, bits).CopyTo(body, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(16), 22);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(18), bits);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(20), channels == 1 ? 4u : 3u);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(24), subFormat);
        // The rest of KSDATAFORMAT_SUBTYPE_PCM: 0000-0010-8000-00AA00389B71.
        new byte[] { 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71 }.CopyTo(body, 26);
        return body;
    }

    public static byte[] Pcm16(params short[] samples)
    {
        var bytes = new byte[samples.Length * 2];
        for (var i = 0; i < samples.Length; i++) BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(2 * i), samples[i]);
        return bytes;
    }

    public WavBuilder Chunk(string id, byte[] body)
    {
        _chunks.Add((id, body));
        return this;
    }

    /// <summary>A streaming writer's header: it could not go back to write the sizes.</summary>
    public WavBuilder StreamingSizes()
    {
        _riffSize = 0x7FFFF024;
        return this;
    }

    public byte[] Build(uint? dataSize = null)
    {
        using var stream = new MemoryStream();
        stream.Write("RIFF"u8);
        var body = new MemoryStream();
        body.Write("WAVE"u8);
        foreach (var (id, chunk) in _chunks)
        {
            body.Write(System.Text.Encoding.ASCII.GetBytes(id));
            var size = new byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(size, id == "data" && dataSize is { } forced ? forced : (uint)chunk.Length);
            body.Write(size);
            body.Write(chunk);
            if (chunk.Length % 2 == 1) body.WriteByte(0);
        }
        var riffSize = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(riffSize, _riffSize ?? (uint)body.Length);
        stream.Write(riffSize);
        body.WriteTo(stream);
        return stream.ToArray();
    }

    public static byte[] Mono16(int sampleRate, short[] samples) =>
        new WavBuilder().Chunk("fmt ", Format(1, 1, sampleRate, 16)).Chunk("data", Pcm16(samples)).Build();

    public static byte[] Stereo16(int sampleRate, short[] left, short[] right)
    {
        var interleaved = new short[left.Length * 2];
        for (var i = 0; i < left.Length; i++) (interleaved[2 * i], interleaved[2 * i + 1]) = (left[i], right[i]);
        return new WavBuilder().Chunk("fmt ", Format(1, 2, sampleRate, 16)).Chunk("data", Pcm16(interleaved)).Build();
    }
}
