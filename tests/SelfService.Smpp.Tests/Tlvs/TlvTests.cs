using SelfService.Smpp.Tests.Support;

namespace SelfService.Smpp.Tests.Tlvs;

public class TlvTests
{
    [Test]
    public void Factories_WriteBigEndianValuesAndCStrings()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Hex.Format(Tlv.FromUInt16(TlvTag.SarMsgRefNum, 0x1234).Value.Span), Is.EqualTo("1234"));
            Assert.That(Hex.Format(Tlv.FromUInt32(TlvTag.QosTimeToLive, 0x01020304).Value.Span), Is.EqualTo("01020304"));
            Assert.That(Hex.Format(Tlv.FromCString(TlvTag.ReceiptedMessageId, "A1").Value.Span), Is.EqualTo("413100"));
            Assert.That(Hex.Format(Tlv.FromByte(TlvTag.UssdServiceOp, (byte)UssdServiceOp.UssrRequest).Value.Span), Is.EqualTo("02"));
        });
    }

    [Test]
    public void TryGet_WrongLength_IsFalseInsteadOfGarbage()
    {
        var tlv = new Tlv(TlvTag.SarMsgRefNum, new byte[] { 1, 2, 3 });
        Assert.Multiple(() =>
        {
            Assert.That(tlv.TryGetUInt16(out _), Is.False);
            Assert.That(tlv.TryGetByte(out _), Is.False);
            Assert.That(tlv.TryGetUInt32(out _), Is.False);
        });
    }

    [Test]
    public void GetCString_ToleratesAMissingNul()
    {
        Assert.That(new Tlv(TlvTag.ReceiptedMessageId, "abc"u8.ToArray()).GetCString(), Is.EqualTo("abc"));
        Assert.That(new Tlv(TlvTag.ReceiptedMessageId, "ab\0junk"u8.ToArray()).GetCString(), Is.EqualTo("ab"));
    }

    [Test]
    public void Equality_ComparesTheValueOctets()
    {
        var a = new Tlv(TlvTag.MessagePayload, new byte[] { 1, 2 });
        var b = new Tlv(TlvTag.MessagePayload, new byte[] { 1, 2 });
        Assert.That(a, Is.EqualTo(b));
        Assert.That(a, Is.Not.EqualTo(new Tlv(TlvTag.MessagePayload, new byte[] { 1, 3 })));
        Assert.That(a.GetHashCode(), Is.EqualTo(b.GetHashCode()));
    }

    [Test]
    public void TlvList_GetSetRemove()
    {
        TlvList list = [Tlv.FromByte(TlvTag.SarTotalSegments, 2), Tlv.FromByte(TlvTag.SarSegmentSeqnum, 1)];
        var replaced = list.Set(Tlv.FromByte(TlvTag.SarSegmentSeqnum, 2)).Set(Tlv.FromUInt16(TlvTag.SarMsgRefNum, 9));
        Assert.Multiple(() =>
        {
            Assert.That(list.Get(TlvTag.SarTotalSegments)?.Value.Span[0], Is.EqualTo(2));
            Assert.That(list.Get(TlvTag.MessagePayload), Is.Null);
            Assert.That(list.TryGet(TlvTag.SarSegmentSeqnum, out var seq) && seq.TryGetByte(out var n) && n == 1, Is.True);
            Assert.That(replaced.Select(t => t.Tag), Is.EqualTo(new[] { TlvTag.SarTotalSegments, TlvTag.SarSegmentSeqnum, TlvTag.SarMsgRefNum }));
            Assert.That(replaced.Get(TlvTag.SarSegmentSeqnum)!.Value.Value.Span[0], Is.EqualTo(2));
            Assert.That(replaced.Remove(TlvTag.SarMsgRefNum), Is.EqualTo(list.Set(Tlv.FromByte(TlvTag.SarSegmentSeqnum, 2))));
            Assert.That(list.Count, Is.EqualTo(2), "immutable");
            Assert.That(TlvList.Create([]), Is.SameAs(TlvList.Empty));
        });
    }

    [Test]
    public void CommandId_SpecNamesAndResponseBit()
    {
        Assert.Multiple(() =>
        {
            Assert.That(CommandId.SubmitSm.ToResponse(), Is.EqualTo(CommandId.SubmitSmResp));
            Assert.That(CommandId.GenericNack.IsResponse(), Is.True);
            Assert.That(CommandId.EnquireLink.IsResponse(), Is.False);
            Assert.That(CommandId.DeliverSmResp.ToSpecName(), Is.EqualTo("deliver_sm_resp"));
            Assert.That(((CommandId)0x99).ToSpecName(), Is.EqualTo("0x00000099"));
            Assert.That((uint)CommandStatus.Throttled, Is.EqualTo(0x58u));
            Assert.That((uint)CommandStatus.InvalidOptionalParameterValue, Is.EqualTo(0xC4u));
        });
    }
}
