using SelfService.Smpp.Tests.Support;

namespace SelfService.Smpp.Tests.Text;

public class MessageSplitterTests
{
    private static MessageSplitter Splitter(ConcatenationMethod method, bool latin1 = false, bool packed = false) =>
        new(new MessageSplitterOptions { Method = method, Text = new SmsTextOptions { AllowLatin1 = latin1, PackGsm7 = packed } });

    [TestCase(ConcatenationMethod.Udh8BitReference, 'a', 160, 1)]
    [TestCase(ConcatenationMethod.Udh8BitReference, 'a', 161, 2)]
    [TestCase(ConcatenationMethod.Udh8BitReference, 'a', 306, 2)]
    [TestCase(ConcatenationMethod.Udh8BitReference, 'a', 307, 3)]
    [TestCase(ConcatenationMethod.Udh8BitReference, 'Ж', 70, 1)]
    [TestCase(ConcatenationMethod.Udh8BitReference, 'Ж', 71, 2)]
    [TestCase(ConcatenationMethod.Udh8BitReference, 'Ж', 134, 2)]
    [TestCase(ConcatenationMethod.Udh8BitReference, 'Ж', 135, 3)]
    [TestCase(ConcatenationMethod.Udh16BitReference, 'a', 304, 2)]
    [TestCase(ConcatenationMethod.Udh16BitReference, 'a', 305, 3)]
    [TestCase(ConcatenationMethod.Udh16BitReference, 'Ж', 132, 2)]
    [TestCase(ConcatenationMethod.Udh16BitReference, 'Ж', 133, 3)]
    [TestCase(ConcatenationMethod.Sar, 'a', 160, 1)]
    [TestCase(ConcatenationMethod.Sar, 'a', 306, 2)]
    [TestCase(ConcatenationMethod.Sar, 'a', 307, 3)]
    [TestCase(ConcatenationMethod.Sar, 'Ж', 134, 2)]
    [TestCase(ConcatenationMethod.Sar, 'Ж', 135, 3)]
    [TestCase(ConcatenationMethod.MessagePayload, 'a', 1000, 1)]
    public void Split_LengthAtABoundary_GivesTheSpecPartCount(ConcatenationMethod method, char c, int length, int parts)
    {
        var splitter = Splitter(method);
        var text = new string(c, length);
        var split = splitter.Split(text);
        Assert.That(split.Parts, Has.Count.EqualTo(parts));
        Assert.That(splitter.CountParts(text), Is.EqualTo(parts));
        Assert.That(string.Concat(split.Parts.Select(p => p.Text)), Is.EqualTo(text));
    }

    [TestCase(140, 1)]
    [TestCase(141, 2)]
    [TestCase(268, 2)]
    [TestCase(269, 3)]
    public void Split_Latin1_Uses140And134(int length, int parts)
    {
        var split = Splitter(ConcatenationMethod.Udh8BitReference, latin1: true).Split(new string('â', length));
        Assert.That(split.DataCoding, Is.EqualTo(DataCoding.Latin1));
        Assert.That(split.Parts, Has.Count.EqualTo(parts));
    }

    [Test]
    public void Split_ExtensionCharacterAtTheLastSeptet_MovesWholeToTheNextPart()
    {
        var text = new string('a', 152) + "€" + new string('b', 10);
        var split = Splitter(ConcatenationMethod.Udh8BitReference).Split(text);
        Assert.Multiple(() =>
        {
            Assert.That(split.Parts, Has.Count.EqualTo(2));
            Assert.That(split.Parts[0].Text, Is.EqualTo(new string('a', 152)));
            Assert.That(split.Parts[1].Text, Does.StartWith("€"));
            Assert.That(split.Parts[0].ShortMessage.Length, Is.EqualTo(6 + 152));
        });
    }

    [Test]
    public void Split_ExtensionCharactersCountTwoForTheSingleMessageLimit()
    {
        var splitter = Splitter(ConcatenationMethod.Udh8BitReference);
        Assert.That(splitter.Split(new string('a', 158) + "€").Parts, Has.Count.EqualTo(1));
        Assert.That(splitter.Split(new string('a', 159) + "€").Parts, Has.Count.EqualTo(2));
    }

    [Test]
    public void Split_SurrogatePairAtTheLastUnit_MovesWholeToTheNextPart()
    {
        var text = new string('Ж', 66) + "😀" + new string('Ж', 10);
        var split = Splitter(ConcatenationMethod.Udh8BitReference).Split(text);
        Assert.Multiple(() =>
        {
            Assert.That(split.Parts, Has.Count.EqualTo(2));
            Assert.That(split.Parts[0].Text, Has.Length.EqualTo(66));
            Assert.That(split.Parts[1].Text, Does.StartWith("😀"));
        });
    }

    [Test]
    public void Split_Udh8BitReference_WritesTheConcatenationIe()
    {
        var split = Splitter(ConcatenationMethod.Udh8BitReference).Split(new string('a', 200), reference: 0x42);
        Assert.Multiple(() =>
        {
            Assert.That(Hex.Format(split.Parts[0].ShortMessage.Span[..6]), Is.EqualTo("050003420201"));
            Assert.That(Hex.Format(split.Parts[1].ShortMessage.Span[..6]), Is.EqualTo("050003420202"));
            Assert.That(split.Parts.All(p => p.HasUdh && p.Tlvs.Count == 0), Is.True);
            Assert.That(split.Reference, Is.EqualTo(0x42));
        });
    }

    [Test]
    public void Split_Udh16BitReference_WritesTheConcatenationIe()
    {
        var split = Splitter(ConcatenationMethod.Udh16BitReference).Split(new string('Ж', 100), reference: 0x1234);
        Assert.That(Hex.Format(split.Parts[0].ShortMessage.Span[..7]), Is.EqualTo("060804123402" + "01"));
        Assert.That(split.Parts[0].ShortMessage.Length, Is.EqualTo(7 + 2 * 66));
    }

    [Test]
    public void Split_Sar_PutsTheReferenceInTlvsAndNoUdh()
    {
        var split = Splitter(ConcatenationMethod.Sar).Split(new string('a', 200), reference: 0x1234);
        var part = split.Parts[1];
        Assert.Multiple(() =>
        {
            Assert.That(part.HasUdh, Is.False);
            Assert.That(part.ShortMessage.Length, Is.EqualTo(47));
            Assert.That(part.Tlvs, Is.EqualTo(TlvList.Create([Tlv.FromUInt16(TlvTag.SarMsgRefNum, 0x1234), Tlv.FromByte(TlvTag.SarTotalSegments, 2), Tlv.FromByte(TlvTag.SarSegmentSeqnum, 2)])));
        });
    }

    [Test]
    public void Split_MessagePayload_PutsTheWholeTextInOneTlv()
    {
        var text = new string('Ж', 1000);
        var part = Splitter(ConcatenationMethod.MessagePayload).Split(text).Parts.Single();
        Assert.Multiple(() =>
        {
            Assert.That(part.ShortMessage.IsEmpty, Is.True);
            Assert.That(part.Tlvs.Get(TlvTag.MessagePayload)!.Value.Value.Length, Is.EqualTo(2000));
        });
        Assert.Throws<ArgumentException>(() => Splitter(ConcatenationMethod.MessagePayload).Split(new string('Ж', 40000)));
    }

    [Test]
    public void Split_ShortText_IsOnePartWithoutUdhOrTlvsWhateverTheMethod()
    {
        foreach (var method in Enum.GetValues<ConcatenationMethod>())
        {
            var part = Splitter(method).Split("Hi").Parts.Single();
            Assert.That((part.HasUdh, part.Tlvs.Count, Hex.Format(part.ShortMessage.Span)), Is.EqualTo((false, 0, "4869")), method.ToString());
        }
    }

    [Test]
    public void Split_WithoutAReference_UsesARollingCounter()
    {
        var splitter = Splitter(ConcatenationMethod.Udh16BitReference);
        var first = splitter.Split(new string('a', 200)).Reference;
        var second = splitter.Split(new string('a', 200)).Reference;
        Assert.That(second, Is.EqualTo((first + 1) & 0xFFFF));
    }

    [Test]
    public void Split_MoreThanMaxParts_Throws()
    {
        var splitter = new MessageSplitter(new MessageSplitterOptions { MaxParts = 3 });
        Assert.That(splitter.Split(new string('a', 153 * 3)).Parts, Has.Count.EqualTo(3));
        Assert.Throws<ArgumentException>(() => splitter.Split(new string('a', 153 * 3 + 1)));
    }

    [Test]
    public void ApplyTo_SubmitSm_SetsCodingUdhiAndMergesTlvs()
    {
        var template = new SubmitSm { SourceAddr = "1234", DestinationAddr = "5678", RegisteredDelivery = 1, Tlvs = [Tlv.FromUInt16(TlvTag.UserMessageReference, 7)] };
        var udhPart = Splitter(ConcatenationMethod.Udh8BitReference).Split(new string('Ж', 100)).Parts[0].ApplyTo(template);
        var sarPart = Splitter(ConcatenationMethod.Sar).Split(new string('Ж', 100)).Parts[0].ApplyTo(template);
        Assert.Multiple(() =>
        {
            Assert.That(udhPart.EsmClass, Is.EqualTo(EsmClass.UdhIndicator));
            Assert.That(udhPart.DataCoding, Is.EqualTo(DataCoding.Ucs2));
            Assert.That(udhPart.RegisteredDelivery, Is.EqualTo(1));
            Assert.That(sarPart.EsmClass, Is.Zero);
            Assert.That(sarPart.Tlvs.Select(t => t.Tag), Is.EqualTo(new[] { TlvTag.UserMessageReference, TlvTag.SarMsgRefNum, TlvTag.SarTotalSegments, TlvTag.SarSegmentSeqnum }));
            Assert.DoesNotThrow(() => PduCodec.Default.Encode(udhPart));
        });
    }

    [TestCase(ConcatenationMethod.Udh8BitReference, false, "Hello world, this is a long text. ")]
    [TestCase(ConcatenationMethod.Udh8BitReference, true, "Hello {world} € this is long. ")]
    [TestCase(ConcatenationMethod.Udh16BitReference, true, "Packed with a seven octet header. ")]
    [TestCase(ConcatenationMethod.Udh16BitReference, false, "Привет, это длинный текст 😀. ")]
    [TestCase(ConcatenationMethod.Sar, false, "Привет, это длинный текст. ")]
    [TestCase(ConcatenationMethod.Sar, true, "SAR and packed. ")]
    [TestCase(ConcatenationMethod.MessagePayload, false, "One payload. ")]
    public void SplitThenReassemble_GivesTheTextBack(ConcatenationMethod method, bool packed, string sentence)
    {
        var text = string.Concat(Enumerable.Repeat(sentence, 20));
        var options = new SmsTextOptions { PackGsm7 = packed };
        var split = Splitter(method, packed: packed).Split(text);
        var assembler = new ConcatenationAssembler(TimeProvider.System, TimeSpan.FromMinutes(1));
        string? whole = null;
        foreach (var part in split.Parts.Reverse())
        {
            var pdu = part.ApplyTo(new SubmitSm { SourceAddr = "1", DestinationAddr = "2" });
            var deliver = new DeliverSm { SourceAddr = pdu.SourceAddr, DestinationAddr = pdu.DestinationAddr, EsmClass = pdu.EsmClass, DataCoding = pdu.DataCoding, ShortMessage = pdu.ShortMessage, Tlvs = pdu.Tlvs };
            var decoded = (DeliverSm)PduCodec.Default.Decode(PduCodec.Default.Encode(deliver)).Pdu!;
            whole = assembler.Add(decoded, options);
        }
        Assert.That(whole, Is.EqualTo(text));
        Assert.That(assembler.PendingCount, Is.Zero);
    }
}
