using Microsoft.Extensions.Time.Testing;
using SelfService.Smpp.Tests.Support;

namespace SelfService.Smpp.Tests.Text;

public class ConcatenationTests
{
    private static DeliverSm Mo(string userDataHex, byte esmClass = EsmClass.UdhIndicator, TlvList? tlvs = null, byte dataCoding = 0) => new()
    {
        SourceAddr = "79161234567", DestinationAddr = "1234", EsmClass = esmClass, DataCoding = dataCoding,
        ShortMessage = Hex.Parse(userDataHex), Tlvs = tlvs ?? TlvList.Empty,
    };

    [Test]
    public void TryRead_Udh8BitReference_GivesReferenceTotalSequence()
    {
        Assert.That(ConcatenationInfo.TryRead(Mo("050003A70302 414243"), out var info), Is.True);
        Assert.That(info, Is.EqualTo(new ConcatenationInfo(0xA7, 3, 2, ConcatenationMethod.Udh8BitReference)));
    }

    [Test]
    public void TryRead_Udh16BitReference_GivesReferenceTotalSequence()
    {
        Assert.That(ConcatenationInfo.TryRead(Mo("060804BEEF0201 414243"), out var info), Is.True);
        Assert.That(info, Is.EqualTo(new ConcatenationInfo(0xBEEF, 2, 1, ConcatenationMethod.Udh16BitReference)));
    }

    [Test]
    public void TryRead_OtherIeBeforeTheConcatenationIe_IsSkipped()
    {
        // Port addressing (IEI 0x05, 4 octets) then the 8-bit concatenation IE.
        Assert.That(ConcatenationInfo.TryRead(Mo("0B 0504 0B840000 0003 110201 41"), out var info), Is.True);
        Assert.That(info, Is.EqualTo(new ConcatenationInfo(0x11, 2, 1, ConcatenationMethod.Udh8BitReference)));
    }

    [TestCase("050003110200 41", TestName = "TryRead_SequenceZero_IsIgnored")]
    [TestCase("050003110003 41", TestName = "TryRead_TotalZero_IsIgnored")]
    [TestCase("050003110203 41", TestName = "TryRead_SequenceAboveTotal_IsIgnored")]
    [TestCase("0A0003110201", TestName = "TryRead_UdhLengthPastTheEnd_IsIgnored")]
    [TestCase("0504 0B840000 41", TestName = "TryRead_NoConcatenationIe_IsFalse")]
    public void TryRead_InvalidOrMissingIe_IsFalse(string hex)
    {
        Assert.That(ConcatenationInfo.TryRead(Mo(hex), out _), Is.False);
    }

    [Test]
    public void TryRead_UdhWithoutUdhi_IsNotRead()
    {
        Assert.That(ConcatenationInfo.TryRead(Mo("050003A70302 414243", esmClass: 0), out _), Is.False);
    }

    [Test]
    public void TryRead_SarTlvs_GiveReferenceTotalSequence()
    {
        var pdu = Mo("414243", esmClass: 0, tlvs: [Tlv.FromUInt16(TlvTag.SarMsgRefNum, 0x0102), Tlv.FromByte(TlvTag.SarTotalSegments, 4), Tlv.FromByte(TlvTag.SarSegmentSeqnum, 4)]);
        Assert.That(ConcatenationInfo.TryRead(pdu, out var info), Is.True);
        Assert.That(info, Is.EqualTo(new ConcatenationInfo(0x0102, 4, 4, ConcatenationMethod.Sar)));
        Assert.That(ConcatenationInfo.TryRead(Mo("41", 0, [Tlv.FromUInt16(TlvTag.SarMsgRefNum, 1), Tlv.FromByte(TlvTag.SarTotalSegments, 2)]), out _), Is.False);
    }

    [Test]
    public void Read_UdhInMessagePayload_StripsItAndDecodesTheText()
    {
        var data = new DataSm { EsmClass = EsmClass.UdhIndicator, DataCoding = DataCoding.Ucs2, Tlvs = [Tlv.FromOctets(TlvTag.MessagePayload, Hex.Parse("050003010201 041F0440"))] };
        var content = MessageContent.Read(data);
        Assert.Multiple(() =>
        {
            Assert.That(content.Text, Is.EqualTo("Пр"));
            Assert.That(content.Concatenation, Is.EqualTo(new ConcatenationInfo(1, 2, 1, ConcatenationMethod.Udh8BitReference)));
            Assert.That(Hex.Format(content.Udh.Span), Is.EqualTo("050003010201"));
            Assert.That(Hex.Format(content.UserData.Span), Is.EqualTo("041F0440"));
        });
    }

    [Test]
    public void Read_BinaryCoding_HasNoText()
    {
        Assert.That(MessageContent.Read(Mo("0102", esmClass: 0, dataCoding: DataCoding.Binary)).Text, Is.Null);
    }

    [Test]
    public void Assembler_PartsOutOfOrderAndRepeated_GiveTheTextOnceWhenComplete()
    {
        var assembler = new ConcatenationAssembler(new FakeTimeProvider(), TimeSpan.FromMinutes(2));
        Assert.Multiple(() =>
        {
            Assert.That(assembler.Add(Mo("050003070302 6363")), Is.Null);
            Assert.That(assembler.Add(Mo("050003070303 6464")), Is.Null);
            Assert.That(assembler.Add(Mo("050003070303 6464")), Is.Null, "a redelivered part counts once");
            Assert.That(assembler.Add(Mo("050003070301 6262")), Is.EqualTo("bbccdd"));
            Assert.That(assembler.PendingCount, Is.Zero);
        });
    }

    [Test]
    public void Assembler_SameReferenceFromTwoSenders_IsKeptApart()
    {
        var assembler = new ConcatenationAssembler(new FakeTimeProvider(), TimeSpan.FromMinutes(2));
        assembler.Add("A", "1234", new ConcatenationInfo(5, 2, 1, ConcatenationMethod.Udh8BitReference), "a1");
        assembler.Add("B", "1234", new ConcatenationInfo(5, 2, 1, ConcatenationMethod.Udh8BitReference), "b1");
        Assert.That(assembler.Add("A", "1234", new ConcatenationInfo(5, 2, 2, ConcatenationMethod.Udh8BitReference), "a2"), Is.EqualTo("a1a2"));
        Assert.That(assembler.PendingCount, Is.EqualTo(1));
    }

    [Test]
    public void Assembler_MissingPartAfterTheTimeout_IsReturnedIncomplete()
    {
        var time = new FakeTimeProvider();
        var assembler = new ConcatenationAssembler(time, TimeSpan.FromMinutes(2));
        assembler.Add(Mo("050003090301 6161"));
        assembler.Add(Mo("050003090303 6363"));

        time.Advance(TimeSpan.FromSeconds(119));
        Assert.That(assembler.RemoveExpired(), Is.Empty);

        time.Advance(TimeSpan.FromSeconds(1));
        var expired = assembler.RemoveExpired().Single();
        Assert.Multiple(() =>
        {
            Assert.That(expired.Parts, Is.EqualTo(new[] { "aa", null, "cc" }));
            Assert.That(expired.MissingParts, Is.EqualTo(new[] { 2 }));
            Assert.That((expired.Source, expired.Destination, expired.Reference), Is.EqualTo(("79161234567", "1234", 9)));
            Assert.That(assembler.PendingCount, Is.Zero);
        });
    }

    [Test]
    public void Assembler_WholeMessage_IsReturnedAtOnce()
    {
        var assembler = new ConcatenationAssembler(new FakeTimeProvider(), TimeSpan.FromMinutes(2));
        Assert.That(assembler.Add(Mo("48656C6C6F", esmClass: 0)), Is.EqualTo("Hello"));
    }
}
