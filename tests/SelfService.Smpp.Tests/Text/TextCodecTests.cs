using SelfService.Smpp.Tests.Support;

namespace SelfService.Smpp.Tests.Text;

public class TextCodecTests
{
    private const string AllGsm =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà" +
        "\f^{}\\[~]|€";

    [TestCase("Hello", "48656C6C6F")]
    [TestCase("@£$", "000102")]
    [TestCase("€", "1B65")]
    [TestCase("{x}", "1B28781B29")]
    [TestCase("[~]|\\^", "1B3C1B3D1B3E1B401B2F1B14")]
    [TestCase("ΔΩ", "1015")]
    public void Encode_Gsm7Unpacked_GivesOneSeptetPerOctet(string text, string hex)
    {
        Assert.That(Hex.Format(Gsm7TextCodec.Unpacked.Encode(text)), Is.EqualTo(hex));
        Assert.That(Gsm7TextCodec.Unpacked.Decode(Hex.Parse(hex)), Is.EqualTo(text));
    }

    [Test]
    public void Gsm7_WholeAlphabetAndExtension_RoundTripsPackedAndUnpacked()
    {
        Assert.That(GsmAlphabet.GetSeptetCount(AllGsm), Is.EqualTo(127 + 2 * 10));
        Assert.That(Gsm7TextCodec.Unpacked.Decode(Gsm7TextCodec.Unpacked.Encode(AllGsm)), Is.EqualTo(AllGsm));
        Assert.That(Gsm7TextCodec.PackedCodec.Decode(Gsm7TextCodec.PackedCodec.Encode(AllGsm)), Is.EqualTo(AllGsm));
    }

    [Test]
    public void Encode_Gsm7Packed_GivesThe23038Example()
    {
        // The classic "hellohello" example of 3GPP TS 23.038 section 6.1.2.1.1.
        Assert.That(Hex.Format(Gsm7TextCodec.PackedCodec.Encode("hellohello")), Is.EqualTo("E8329BFD4697D9EC37"));
        Assert.That(Gsm7TextCodec.PackedCodec.Decode(Hex.Parse("E8329BFD4697D9EC37")), Is.EqualTo("hellohello"));
    }

    [Test]
    public void Encode_Gsm7PackedWithSevenSpareBits_LeavesThemZeroAndDecodesWithoutAPhantomAt()
    {
        var packed = Gsm7TextCodec.PackedCodec.Encode("1234567");
        Assert.Multiple(() =>
        {
            Assert.That(packed, Has.Length.EqualTo(7));
            Assert.That(packed[6] >> 1, Is.Zero, "fill bits are zero (23.038 section 6.1.2.1.1)");
            Assert.That(Gsm7TextCodec.PackedCodec.Decode(packed), Is.EqualTo("1234567"));
            Assert.That(Gsm7TextCodec.PackedCodec.Decode(Gsm7TextCodec.PackedCodec.Encode("12345678")), Is.EqualTo("12345678"));
            Assert.That(Gsm7TextCodec.PackedCodec.Decode(Gsm7TextCodec.PackedCodec.Encode("123456@")), Is.EqualTo("123456@"));
        });
    }

    [Test]
    public void Decode_Gsm7PackedWithCarriageReturnPadding_DropsThePadding()
    {
        // USSD-style padding (23.038 section 6.1.2.3.1): CR in the 7 spare bits of "1234567".
        var packed = Gsm7TextCodec.PackedCodec.Encode("1234567");
        packed[6] |= 0x0D << 1;
        Assert.That(Gsm7TextCodec.PackedCodec.Decode(packed), Is.EqualTo("1234567"));
    }

    [Test]
    public void Encode_Gsm7PackedAfterAUdh_StartsOnTheNextSeptetBoundary()
    {
        byte[] udh = [0x05, 0x00, 0x03, 0x01, 0x02, 0x01];
        var data = Gsm7TextCodec.PackedCodec.Encode("hello", udh);
        Assert.Multiple(() =>
        {
            // 48 UDH bits, 1 fill bit, 35 text bits: 84 bits, 11 octets.
            Assert.That(data, Has.Length.EqualTo(11));
            Assert.That(data[..6], Is.EqualTo(udh));
            Assert.That(data[6] & 1, Is.Zero, "fill bit");
            Assert.That(Gsm7TextCodec.PackedCodec.Decode(data, 6), Is.EqualTo("hello"));
        });
    }

    [Test]
    public void Decode_Gsm7EscapeToUnknownCode_ShowsTheBasicCharacter()
    {
        Assert.That(Gsm7TextCodec.Unpacked.Decode(Hex.Parse("1B41 42 1B")), Is.EqualTo("AB"));
        Assert.That(Gsm7TextCodec.Unpacked.Decode(Hex.Parse("1B1B 41")), Is.EqualTo(" A"));
    }

    [Test]
    public void Encode_CharacterOutsideGsm_Throws()
    {
        Assert.That(GsmAlphabet.CanEncode("Привет"), Is.False);
        Assert.Throws<ArgumentException>(() => Gsm7TextCodec.Unpacked.Encode("Привет"));
    }

    [Test]
    public void Ucs2_CyrillicAndSurrogatePairs_AreBigEndianUtf16()
    {
        Assert.That(Hex.Format(Ucs2TextCodec.Instance.Encode("Привет")), Is.EqualTo("041F04400438043204350442"));
        Assert.That(Hex.Format(Ucs2TextCodec.Instance.Encode("😀")), Is.EqualTo("D83DDE00"));
        Assert.That(Ucs2TextCodec.Instance.Decode(Hex.Parse("041F04400438043204350442")), Is.EqualTo("Привет"));
        // A handset may split a pair across parts: halves decode as they are, and join back.
        Assert.That(Ucs2TextCodec.Instance.Decode(Hex.Parse("D83D")) + Ucs2TextCodec.Instance.Decode(Hex.Parse("DE00")), Is.EqualTo("😀"));
    }

    [Test]
    public void Latin1AndIa5_AreOneOctetPerCharacter()
    {
        Assert.That(Hex.Format(Latin1TextCodec.Instance.Encode("señor")), Is.EqualTo("7365F16F72"));
        Assert.That(Latin1TextCodec.Instance.Decode(Hex.Parse("7365F16F72")), Is.EqualTo("señor"));
        Assert.That(Hex.Format(Ia5TextCodec.Instance.Encode("A`{")), Is.EqualTo("41607B"));
        Assert.That(Ia5TextCodec.Instance.CanEncode("señor"), Is.False);
        Assert.That(Latin1TextCodec.Instance.CanEncode("€"), Is.False);
    }

    [TestCase((byte)0x00, typeof(Gsm7TextCodec))]
    [TestCase((byte)0x01, typeof(Ia5TextCodec))]
    [TestCase((byte)0x02, null)]
    [TestCase((byte)0x03, typeof(Latin1TextCodec))]
    [TestCase((byte)0x04, null)]
    [TestCase((byte)0x08, typeof(Ucs2TextCodec))]
    [TestCase((byte)0x0F, typeof(Gsm7TextCodec))]
    [TestCase((byte)0x10, typeof(Gsm7TextCodec))]
    [TestCase((byte)0x14, null)]
    [TestCase((byte)0x18, typeof(Ucs2TextCodec))]
    [TestCase((byte)0x30, null)]
    [TestCase((byte)0xC0, typeof(Gsm7TextCodec))]
    [TestCase((byte)0xE0, typeof(Ucs2TextCodec))]
    [TestCase((byte)0xF0, typeof(Gsm7TextCodec))]
    [TestCase((byte)0xF3, typeof(Gsm7TextCodec))]
    [TestCase((byte)0xF4, null)]
    public void ForDataCoding_GivesTheCodecOfEachCoding(byte dataCoding, Type? expected)
    {
        Assert.That(SmsTextCodecs.ForDataCoding(dataCoding)?.GetType(), Is.EqualTo(expected));
    }

    [Test]
    public void ForDataCoding_PackGsm7_GivesThePackedCodecForEveryGsmCoding()
    {
        var options = new SmsTextOptions { PackGsm7 = true };
        Assert.That(((Gsm7TextCodec)SmsTextCodecs.ForDataCoding(0x00, options)!).Packed, Is.True);
        Assert.That(((Gsm7TextCodec)SmsTextCodecs.ForDataCoding(0x0F, options)!).Packed, Is.True);
        Assert.That(((Gsm7TextCodec)SmsTextCodecs.ForDataCoding(0x00)!).Packed, Is.False);
    }

    [Test]
    public void Decode_FieldUssdDeliverSm_IsTheServiceCode()
    {
        var pdu = (DeliverSm)PduCodec.Default.Decode(Hex.Parse(
            "0000004400000005000000000000000250320001013636393737303931323035000101363639323330313131323100000000000000000f00062a34303036230501000101")).Pdu!;
        Assert.That(SmsTextCodecs.Decode(pdu.DataCoding, pdu.ShortMessage.Span), Is.EqualTo("*4006#"));
        Assert.That(MessageContent.Read(pdu).Text, Is.EqualTo("*4006#"));
    }

    [TestCase("Hello", DataCoding.SmscDefault)]
    [TestCase("Price 5€ {ok}", DataCoding.SmscDefault)]
    [TestCase("café à Ñ", DataCoding.SmscDefault)]
    [TestCase("Привет", DataCoding.Ucs2)]
    [TestCase("crème brûlée", DataCoding.Ucs2)]
    [TestCase("😀", DataCoding.Ucs2)]
    public void Choose_PicksGsmWhenEveryCharacterFitsElseUcs2(string text, byte expected)
    {
        Assert.That(SmsTextCodecs.Choose(text).DataCoding, Is.EqualTo(expected));
    }

    [Test]
    public void Choose_WithLatin1Allowed_PicksLatin1ForLatin1TextOutsideGsm()
    {
        var options = new SmsTextOptions { AllowLatin1 = true };
        Assert.That(SmsTextCodecs.Choose("crème brûlée", options).DataCoding, Is.EqualTo(DataCoding.Latin1));
        Assert.That(SmsTextCodecs.Choose("Hello", options).DataCoding, Is.EqualTo(DataCoding.SmscDefault));
        Assert.That(SmsTextCodecs.Choose("Привет", options).DataCoding, Is.EqualTo(DataCoding.Ucs2));
    }
}
