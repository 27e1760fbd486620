namespace SelfService.Sip.Tests.Media;

/// <summary>Known values of ITU-T G.711 (the segment end points of its tables 1a and 2a).</summary>
public sealed class G711Tests
{
    [TestCase((short)0, (byte)0xFF)]
    [TestCase((short)-1, (byte)0x7F)]
    [TestCase((short)32767, (byte)0x80)]
    [TestCase((short)-32768, (byte)0x00)]
    [TestCase((short)8, (byte)0xFE)]
    [TestCase((short)100, (byte)0xF2)]
    [TestCase((short)1000, (byte)0xCE)]
    [TestCase((short)-1000, (byte)0x4E)]
    public void MuLawEncode_KnownValue(short sample, byte code) => Assert.That(G711.MuLawEncode(sample), Is.EqualTo(code));

    [TestCase((byte)0xFF, (short)0)]
    [TestCase((byte)0x7F, (short)0)]
    [TestCase((byte)0x80, (short)32124)]
    [TestCase((byte)0x00, (short)-32124)]
    [TestCase((byte)0xF0, (short)120)]
    [TestCase((byte)0xCE, (short)988)]
    public void MuLawDecode_KnownValue(byte code, short sample) => Assert.That(G711.MuLawDecode(code), Is.EqualTo(sample));

    [TestCase((short)0, (byte)0xD5)]
    [TestCase((short)-1, (byte)0x55)]
    [TestCase((short)32767, (byte)0xAA)]
    [TestCase((short)-32768, (byte)0x2A)]
    [TestCase((short)1000, (byte)0xFA)]
    [TestCase((short)-1000, (byte)0x7A)]
    public void ALawEncode_KnownValue(short sample, byte code) => Assert.That(G711.ALawEncode(sample), Is.EqualTo(code));

    [TestCase((byte)0xD5, (short)8)]
    [TestCase((byte)0x55, (short)-8)]
    [TestCase((byte)0xAA, (short)32256)]
    [TestCase((byte)0x2A, (short)-32256)]
    [TestCase((byte)0xFA, (short)1008)]
    public void ALawDecode_KnownValue(byte code, short sample) => Assert.That(G711.ALawDecode(code), Is.EqualTo(sample));

    [TestCase(G711Codec.Pcmu)]
    [TestCase(G711Codec.Pcma)]
    public void EncodeDecode_EveryCode_IsStable(G711Codec codec)
    {
        for (var code = 0; code < 256; code++)
        {
            var sample = G711.Decode(codec, (byte)code);
            Assert.That(G711.Decode(codec, G711.Encode(codec, sample)), Is.EqualTo(sample), $"code 0x{code:X2}");
        }
    }

    [TestCase(G711Codec.Pcmu)]
    [TestCase(G711Codec.Pcma)]
    public void Encode_Ramp_ErrorWithinHalfAStep(G711Codec codec)
    {
        // Companding error grows with the segment: at most 1/32 of the magnitude (plus the bottom step), never more.
        for (int sample = short.MinValue; sample <= short.MaxValue; sample += 7)
        {
            var decoded = G711.Decode(codec, G711.Encode(codec, (short)sample));
            Assert.That(Math.Abs(decoded - sample), Is.LessThanOrEqualTo(Math.Abs(sample) / 32 + 16 + (Math.Abs(sample) > 32000 ? 700 : 0)), $"sample {sample}");
        }
    }

    [Test]
    public void Silence_IsTheCodeOfZero()
    {
        Assert.That(G711.Silence(G711Codec.Pcmu), Is.EqualTo(0xFF));
        Assert.That(G711.Silence(G711Codec.Pcma), Is.EqualTo(0xD5));
    }
}
