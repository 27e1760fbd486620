using System.Text;

namespace SelfService.Smpp.Tests.Receipts;

public class DeliveryReceiptTests
{
    private static DeliverSm Receipt(string text, byte esmClass = EsmClass.SmscDeliveryReceipt, TlvList? tlvs = null) => new()
    {
        SourceAddr = "79161234567", DestinationAddr = "1234", EsmClass = esmClass,
        ShortMessage = Encoding.ASCII.GetBytes(text), Tlvs = tlvs ?? TlvList.Empty,
    };

    [Test]
    public void TryParse_AppendixBText_GivesEveryField()
    {
        var pdu = Receipt("id:0123456789 sub:001 dlvrd:001 submit date:2501011200 done date:2501011201 stat:DELIVRD err:000 text:Hello world");
        Assert.That(DeliveryReceipt.TryParse(pdu, out var r), Is.True);
        Assert.That(r, Is.EqualTo(new DeliveryReceipt
        {
            MessageId = "0123456789", Submitted = 1, Delivered = 1,
            SubmitDate = new DateTime(2025, 1, 1, 12, 0, 0), DoneDate = new DateTime(2025, 1, 1, 12, 1, 0),
            Stat = "DELIVRD", State = MessageState.Delivered, Error = "000", Text = "Hello world",
        }));
        Assert.That(r!.IsFinal, Is.True);
    }

    [Test]
    public void TryParse_CapitalTextKeyAndDatesWithSeconds_AreRead()
    {
        Assert.That(DeliveryReceipt.TryParse(Receipt("id:A1B2 sub:001 dlvrd:000 submit date:250101120005 done date:250101120107 stat:UNDELIV err:001 Text:Hi"), out var r), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(r!.State, Is.EqualTo(MessageState.Undeliverable));
            Assert.That(r.SubmitDate, Is.EqualTo(new DateTime(2025, 1, 1, 12, 0, 5)));
            Assert.That(r.DoneDate, Is.EqualTo(new DateTime(2025, 1, 1, 12, 1, 7)));
            Assert.That(r.Text, Is.EqualTo("Hi"));
        });
    }

    [Test]
    public void TryParse_MissingFields_KeepsWhatIsThere()
    {
        Assert.That(DeliveryReceipt.TryParse(Receipt("id:77 stat:EXPIRED"), out var r), Is.True);
        Assert.That(r, Is.EqualTo(new DeliveryReceipt { MessageId = "77", Stat = "EXPIRED", State = MessageState.Expired }));
    }

    [TestCase("DELIVRD", MessageState.Delivered)]
    [TestCase("EXPIRED", MessageState.Expired)]
    [TestCase("DELETED", MessageState.Deleted)]
    [TestCase("UNDELIV", MessageState.Undeliverable)]
    [TestCase("ACCEPTD", MessageState.Accepted)]
    [TestCase("UNKNOWN", MessageState.Unknown)]
    [TestCase("REJECTD", MessageState.Rejected)]
    [TestCase("ENROUTE", MessageState.Enroute)]
    [TestCase("delivered", MessageState.Delivered)]
    [TestCase("GARBAGE", MessageState.Unknown)]
    public void ParseStat_EachSpecValue_GivesItsState(string stat, MessageState state)
    {
        Assert.That(DeliveryReceipt.ParseStat(stat), Is.EqualTo(state));
    }

    [Test]
    public void MessageState_HasTheSpecValues()
    {
        Assert.That(new[] { MessageState.Enroute, MessageState.Delivered, MessageState.Expired, MessageState.Deleted, MessageState.Undeliverable, MessageState.Accepted, MessageState.Unknown, MessageState.Rejected }.Select(s => (int)s),
            Is.EqualTo(new[] { 1, 2, 3, 4, 5, 6, 7, 8 }));
    }

    [Test]
    public void TryParse_TlvOnlyReceipt_IsAReceipt()
    {
        var pdu = Receipt("", esmClass: 0, tlvs: [Tlv.FromCString(TlvTag.ReceiptedMessageId, "ABC123"), Tlv.FromByte(TlvTag.MessageState, (byte)MessageState.Rejected), new Tlv(TlvTag.NetworkErrorCode, new byte[] { 3, 0x00, 0x0B })]);
        Assert.That(DeliveryReceipt.TryParse(pdu, out var r), Is.True);
        Assert.That(r, Is.EqualTo(new DeliveryReceipt { MessageId = "ABC123", State = MessageState.Rejected, NetworkErrorCode = (3, 11) }));
    }

    [Test]
    public void TryParse_TlvsAndText_TheTlvsWinForIdAndState()
    {
        var pdu = Receipt("id:999 stat:ACCEPTD err:000", tlvs: [Tlv.FromCString(TlvTag.ReceiptedMessageId, "3E7"), Tlv.FromByte(TlvTag.MessageState, 2)]);
        Assert.That(DeliveryReceipt.TryParse(pdu, out var r), Is.True);
        Assert.That((r!.MessageId, r.State, r.Stat, r.Error), Is.EqualTo(("3E7", MessageState.Delivered, "ACCEPTD", "000")));
    }

    [Test]
    public void TryParse_DataSmReceiptInMessagePayload_IsRead()
    {
        var pdu = new DataSm { EsmClass = EsmClass.SmscDeliveryReceipt, Tlvs = [Tlv.FromOctets(TlvTag.MessagePayload, Encoding.ASCII.GetBytes("id:5 stat:DELIVRD"))] };
        Assert.That(DeliveryReceipt.TryParse(pdu, out var r), Is.True);
        Assert.That((r!.MessageId, r.State), Is.EqualTo(("5", MessageState.Delivered)));
    }

    [Test]
    public void TryParse_OrdinaryMessage_IsNotAReceipt()
    {
        Assert.That(DeliveryReceipt.TryParse(Receipt("id:1 stat:DELIVRD", esmClass: 0), out _), Is.False);
        Assert.That(DeliveryReceipt.TryParse(Receipt("no receipt here"), out _), Is.False);
        Assert.That(DeliveryReceipt.TryParse(Receipt("", esmClass: 0, tlvs: [Tlv.FromCString(TlvTag.ReceiptedMessageId, "1")]), out _), Is.False);
    }
}
