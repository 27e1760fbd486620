using SelfService.Speech.Audio;

namespace SelfService.Speech.Tests.Audio;

public sealed class WavReaderTests
{
    [Test]
    public void Read_ChunksBeforeDataAndOddSizedChunk_FindsTheAudioByChunk()
    {
        // A LIST chunk of odd size (with its pad byte) and a fact chunk sit between fmt and data, as recorders write them.
        var file = new WavBuilder()
            .Chunk("LIST", [(byte)'I', (byte)'N', (byte)'F', (byte)'O', 1, 2, 3])
            .Chunk("fmt ", WavBuilder.Format(1, 1, 16000, 16))
            .Chunk("fact", [0, 0, 0, 0])
            .Chunk("data", WavBuilder.Pcm16(1, -2, 300, short.MinValue, short.MaxValue))
            .Build();

        var audio = WavReader.Read(file);

        Assert.That(audio.SampleRate, Is.EqualTo(16000));
        Assert.That(audio.Samples, Is.EqualTo(new short[] { 1, -2, 300, short.MinValue, short.MaxValue }));
        Assert.That(audio.Format, Is.EqualTo("PCM 16-bit mono 16000 Hz"));
    }

    [Test]
    public void Read_FmtChunkOf18Bytes_IsAccepted()
    {
        var format = WavBuilder.Format(1, 1, 8000, 16).Concat(new byte[] { 0, 0 }).ToArray();
        var audio = WavReader.Read(new WavBuilder().Chunk("fmt ", format).Chunk("data", WavBuilder.Pcm16(7, 8)).Build());

        Assert.That(audio.Samples, Is.EqualTo(new short[] { 7, 8 }));
    }

    [Test]
    public void Read_Stereo_MixesToMono()
    {
        var audio = WavReader.Read(WavBuilder.Stereo16(44100, [1000, -4000], [3000, 2000]));

        Assert.That(audio.Samples, Is.EqualTo(new short[] { 2000, -1000 }));
        Assert.That(audio.Format, Is.EqualTo("PCM 16-bit stereo 44100 Hz"));
    }

    [Test]
    public void Read_StreamingPlaceholderSizes_ReadsTheBytesThatFollow()
    {
        // espeak-ng --stdout cannot seek back, so it leaves 0x7FFFF000-ish sizes in RIFF and data.
        var file = new WavBuilder().StreamingSizes()
            .Chunk("fmt ", WavBuilder.Format(1, 1, 22050, 16))
            .Chunk("data", WavBuilder.Pcm16(5, 6, 7))
            .Build(dataSize: 0x7FFFF000);

        Assert.That(WavReader.Read(file).Samples, Is.EqualTo(new short[] { 5, 6, 7 }));
    }

    [Test]
    public void Read_MuLaw_DecodesG711()
    {
        // G.711 μ-law: 0xFF and 0x7F are ±0, 0x80 is +32124, 0x00 is −32124.
        var file = new WavBuilder().Chunk("fmt ", WavBuilder.Format(7, 1, 8000, 8)).Chunk("data", [0xFF, 0x80, 0x00, 0x7F]).Build();

        var audio = WavReader.Read(file);

        Assert.That(audio.Samples, Is.EqualTo(new short[] { 0, 32124, -32124, 0 }));
        Assert.That(audio.Format, Is.EqualTo("G.711 μ-law mono 8000 Hz"));
    }

    [Test]
    public void Read_ALaw_DecodesG711()
    {
        // G.711 A-law: 0xD5 is +8, 0x55 is −8, 0xAA is +32256, 0x2A is −32256.
        var file = new WavBuilder().Chunk("fmt ", WavBuilder.Format(6, 1, 8000, 8)).Chunk("data", [0xD5, 0x55, 0xAA, 0x2A]).Build();

        Assert.That(WavReader.Read(file).Samples, Is.EqualTo(new short[] { 8, -8, 32256, -32256 }));
    }

    [Test]
    public void Read_ExtensibleFormat_UsesTheSubFormat()
    {
        var file = new WavBuilder().Chunk("fmt ", WavBuilder.ExtensibleFormat(1, 1, 48000, 16)).Chunk("data", WavBuilder.Pcm16(-9, 9)).Build();

        var audio = WavReader.Read(file);

        Assert.That(audio.SampleRate, Is.EqualTo(48000));
        Assert.That(audio.Samples, Is.EqualTo(new short[] { -9, 9 }));
    }

    [Test]
    public void Read_OtherSampleWidths_ScaleTo16Bits()
    {
        var unsigned8 = new WavBuilder().Chunk("fmt ", WavBuilder.Format(1, 1, 8000, 8)).Chunk("data", [0x80, 0xFF, 0x00]).Build();
        var signed24 = new WavBuilder().Chunk("fmt ", WavBuilder.Format(1, 1, 8000, 24)).Chunk("data", [0x00, 0x10, 0x00, 0x00, 0x00, 0x80]).Build();
        var float32 = new WavBuilder().Chunk("fmt ", WavBuilder.Format(3, 1, 8000, 32))
            .Chunk("data", BitConverter.GetBytes(0.5f).Concat(BitConverter.GetBytes(-1f)).ToArray()).Build();

        Assert.That(WavReader.Read(unsigned8).Samples, Is.EqualTo(new short[] { 0, 32512, -32768 }));
        Assert.That(WavReader.Read(signed24).Samples, Is.EqualTo(new short[] { 16, -32768 }));
        Assert.That(WavReader.Read(float32).Samples, Is.EqualTo(new short[] { 16384, -32768 }));
    }

    private static readonly object[] InvalidFiles =
    [
        new object[] { "too short", new byte[] { 1, 2, 3 }, "too short" },
        new object[] { "an MP3", "ID3\u0004\0\0\0\0\0\0\0\0\0\0"u8.ToArray(), "no RIFF header" },
        new object[] { "RIFF but AVI", "RIFF\u0004\0\0\0AVI "u8.ToArray(), "not WAVE audio" },
        new object[] { "no fmt", new WavBuilder().Chunk("data", WavBuilder.Pcm16(1)).Build(), "before any 'fmt '" },
        new object[] { "no data", new WavBuilder().Chunk("fmt ", WavBuilder.Format(1, 1, 8000, 16)).Build(), "no 'data' chunk" },
        new object[] { "ADPCM", new WavBuilder().Chunk("fmt ", WavBuilder.Format(2, 1, 8000, 4)).Chunk("data", [1, 2]).Build(), "format 2 (0x0002) is not supported" },
        new object[] { "12-bit PCM", new WavBuilder().Chunk("fmt ", WavBuilder.Format(1, 1, 8000, 12)).Chunk("data", [1, 2]).Build(), "12-bit samples are not supported" },
        new object[] { "no channels", new WavBuilder().Chunk("fmt ", WavBuilder.Format(1, 0, 8000, 16)).Chunk("data", [1, 2]).Build(), "0 channels" },
        new object[] { "short fmt", new WavBuilder().Chunk("fmt ", [1, 0, 1, 0]).Chunk("data", [1, 2]).Build(), "at least 16 are needed" },
        new object[] { "absurd rate", new WavBuilder().Chunk("fmt ", WavBuilder.Format(1, 1, 1, 16)).Chunk("data", [1, 2]).Build(), "not plausible" },
        new object[] { "truncated chunk", new WavBuilder().Chunk("fmt ", WavBuilder.Format(1, 1, 8000, 16)).Chunk("LIST", [1, 2]).Build()[..^1], "truncated" },
    ];

    [TestCaseSource(nameof(InvalidFiles))]
    public void Read_InvalidFile_SaysWhatIsWrong(string name, byte[] file, string expected)
    {
        var error = Assert.Throws<WavFormatException>(() => WavReader.Read(file));
        Assert.That(error!.Message, Does.Contain(expected), name);
    }

    [Test]
    public void Read_MutatedFiles_EitherReadOrSayWhy()
    {
        // What an operator's damaged upload looks like: flipped bytes (sizes, tags, rates) and cut tails. Whatever the
        // damage, the answer is audio or a WavFormatException, never another exception.
        var valid = new WavBuilder()
            .Chunk("LIST", [1, 2, 3])
            .Chunk("fmt ", WavBuilder.Format(1, 2, 22050, 16))
            .Chunk("data", WavBuilder.Pcm16(Signals.Tone(440, 22050, 400)))
            .Build();
        var random = new Random(15);
        var read = 0;
        for (var round = 0; round < 2000; round++)
        {
            var file = valid.ToArray();
            for (var flips = random.Next(1, 4); flips > 0; flips--) file[random.Next(0, 64)] = (byte)random.Next(256);
            if (random.Next(4) == 0) file = file[..random.Next(0, file.Length)];
            try
            {
                TelephoneAudio.FromWav(file);
                read++;
            }
            catch (WavFormatException)
            {
                // The clear error the operator sees.
            }
        }
        Assert.That(read, Is.GreaterThan(0), "some mutations leave a readable file (a flipped sample byte)");
    }
}
