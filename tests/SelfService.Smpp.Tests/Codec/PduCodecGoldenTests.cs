using System.Text;
using SelfService.Smpp.Tests.Support;

namespace SelfService.Smpp.Tests.Codec;

/// <summary>Every PDU, both ways, against octets written by hand from the SMPP v3.4 field tables.</summary>
public class PduCodecGoldenTests
{
    private static readonly byte[] Hello = Encoding.ASCII.GetBytes("Hello");

    public static IEnumerable<TestCaseData> Golden()
    {
        yield return Case("bind_transmitter (4.1.1)",
            new BindTransmitter { SequenceNumber = 1, SystemId = "smppclient1", Password = "password" },
            "0000002A 00000002 00000000 00000001 736D7070636C69656E743100 70617373776F726400 00 34 00 00 00");
        yield return Case("bind_receiver (4.1.3) with system_type, ton/npi and address_range",
            new BindReceiver { SequenceNumber = 2, SystemId = "rx", Password = "pw", SystemType = "VMA", AddrTon = TypeOfNumber.International, AddrNpi = NumberingPlan.Isdn, AddressRange = "^447" },
            "00000022 00000001 00000000 00000002 727800 707700 564D4100 34 01 01 5E34343700");
        yield return Case("bind_transceiver (4.1.5)",
            new BindTransceiver { SequenceNumber = 3, SystemId = "trx", Password = "secret" },
            "00000020 00000009 00000000 00000003 74727800 73656372657400 00 34 00 00 00");
        yield return Case("bind_transmitter_resp (4.1.2)",
            new BindTransmitterResp { SequenceNumber = 1, SystemId = "SMSC" },
            "00000015 80000002 00000000 00000001 534D534300");
        yield return Case("bind_receiver_resp (4.1.4) with sc_interface_version",
            new BindReceiverResp { SequenceNumber = 2, SystemId = "SMSC", Tlvs = [Tlv.FromByte(TlvTag.ScInterfaceVersion, 0x34)] },
            "0000001A 80000001 00000000 00000002 534D534300 0210 0001 34");
        yield return Case("bind_transceiver_resp (4.1.6) refused: a bare header",
            new BindTransceiverResp { SequenceNumber = 3, CommandStatus = CommandStatus.InvalidPassword },
            "00000010 80000009 0000000E 00000003");
        yield return Case("unbind (4.2.1)", new Unbind { SequenceNumber = 4 }, "00000010 00000006 00000000 00000004");
        yield return Case("unbind_resp (4.2.2)", new UnbindResp { SequenceNumber = 4 }, "00000010 80000006 00000000 00000004");
        yield return Case("generic_nack (4.3.1)", new GenericNack { SequenceNumber = 5, CommandStatus = CommandStatus.InvalidCommandId }, "00000010 80000000 00000003 00000005");
        yield return Case("submit_sm (4.4.1)",
            new SubmitSm
            {
                SequenceNumber = 0x10,
                SourceAddrTon = TypeOfNumber.International, SourceAddrNpi = NumberingPlan.Isdn, SourceAddr = "447700900001",
                DestAddrTon = TypeOfNumber.International, DestAddrNpi = NumberingPlan.Isdn, DestinationAddr = "447700900002",
                RegisteredDelivery = RegisteredDelivery.SmscReceiptOnFinal,
                ShortMessage = Hello,
            },
            "0000003E 00000004 00000000 00000010 00 0101 34343737303039303030303100 0101 34343737303039303030303200 00 00 00 00 00 01 00 00 00 05 48656C6C6F");
        yield return Case("submit_sm (4.4.1) with service_type, validity, UCS-2 and SAR TLVs",
            new SubmitSm
            {
                SequenceNumber = 0x11,
                ServiceType = "CMT",
                SourceAddrTon = TypeOfNumber.Alphanumeric, SourceAddr = "Operator",
                DestAddrTon = TypeOfNumber.International, DestAddrNpi = NumberingPlan.Isdn, DestinationAddr = "79161234567",
                EsmClass = 0, ProtocolId = 0, PriorityFlag = 1,
                ValidityPeriod = "000001000000000R",
                DataCoding = DataCoding.Ucs2,
                ShortMessage = new byte[] { 0x04, 0x14, 0x04, 0x30 },
                Tlvs = [Tlv.FromUInt16(TlvTag.SarMsgRefNum, 0x1234), Tlv.FromByte(TlvTag.SarTotalSegments, 3), Tlv.FromByte(TlvTag.SarSegmentSeqnum, 1)],
            },
            "0000005B 00000004 00000000 00000011 434D5400 0500 4F70657261746F7200 0101 373931363132333435363700 00 00 01 00 30303030303130303030303030303052 00 00 00 08 00 04 04140430 020C00021234 020E000103 020F000101");
        yield return Case("submit_sm_resp (4.4.2)", new SubmitSmResp { SequenceNumber = 0x10, MessageId = "abc123" }, "00000017 80000004 00000000 00000010 61626331323300");
        yield return Case("submit_sm_resp (4.4.2) throttled: no body", new SubmitSmResp { SequenceNumber = 0x10, CommandStatus = CommandStatus.Throttled }, "00000010 80000004 00000058 00000010");
        yield return Case("deliver_sm (4.6.1) delivery receipt",
            new DeliverSm
            {
                SequenceNumber = 7,
                SourceAddrTon = TypeOfNumber.International, SourceAddrNpi = NumberingPlan.Isdn, SourceAddr = "79161234567",
                DestinationAddr = "1234",
                EsmClass = EsmClass.SmscDeliveryReceipt,
                ShortMessage = Encoding.ASCII.GetBytes("id:1 stat:DELIVRD"),
                Tlvs = [Tlv.FromCString(TlvTag.ReceiptedMessageId, "1"), Tlv.FromByte(TlvTag.MessageState, 2)],
            },
            "0000004C 00000005 00000000 00000007 00 0101 373931363132333435363700 0000 3132333400 04 00 00 00 00 00 00 00 00 11 69643A3120737461743A44454C49565244 001E 0002 3100 0427 0001 02");
        yield return Case("deliver_sm_resp (4.6.2)", new DeliverSmResp { SequenceNumber = 7 }, "00000011 80000005 00000000 00000007 00");
        yield return Case("data_sm (4.7.1) with message_payload",
            new DataSm
            {
                SequenceNumber = 8,
                SourceAddrTon = TypeOfNumber.International, SourceAddrNpi = NumberingPlan.Isdn, SourceAddr = "1234",
                DestAddrTon = TypeOfNumber.International, DestAddrNpi = NumberingPlan.Isdn, DestinationAddr = "5678",
                DataCoding = DataCoding.Ucs2,
                Tlvs = [Tlv.FromOctets(TlvTag.MessagePayload, new byte[] { 0x00, 0x48, 0x00, 0x69 })],
            },
            "0000002A 00000103 00000000 00000008 00 0101 3132333400 0101 3536373800 00 00 08 0424 0004 00480069");
        yield return Case("data_sm_resp (4.7.2)", new DataSmResp { SequenceNumber = 8, MessageId = "id1" }, "00000014 80000103 00000000 00000008 69643100");
        yield return Case("data_sm_resp (4.7.2) failed with delivery_failure_reason",
            new DataSmResp { SequenceNumber = 8, CommandStatus = CommandStatus.DeliveryFailure, Tlvs = [Tlv.FromByte(TlvTag.DeliveryFailureReason, 1)] },
            "00000016 80000103 000000FE 00000008 00 0425000101");
        yield return Case("query_sm (4.8.1)",
            new QuerySm { SequenceNumber = 9, MessageId = "12345", SourceAddrTon = TypeOfNumber.International, SourceAddrNpi = NumberingPlan.Isdn, SourceAddr = "447700900001" },
            "00000025 00000003 00000000 00000009 313233343500 0101 34343737303039303030303100");
        yield return Case("query_sm_resp (4.8.2)",
            new QuerySmResp { SequenceNumber = 9, MessageId = "12345", FinalDate = "250101120000004+", MessageState = MessageState.Delivered },
            "00000029 80000003 00000000 00000009 313233343500 3235303130313132303030303030342B00 02 00");
        yield return Case("enquire_link (4.11.1)", new EnquireLink { SequenceNumber = 0x7FFFFFFF }, "00000010 00000015 00000000 7FFFFFFF");
        yield return Case("enquire_link_resp (4.11.2)", new EnquireLinkResp { SequenceNumber = 0x7FFFFFFF }, "00000010 80000015 00000000 7FFFFFFF");
        yield return Case("alert_notification (4.12.1) with ms_availability_status",
            new AlertNotification
            {
                SequenceNumber = 10,
                SourceAddrTon = TypeOfNumber.International, SourceAddrNpi = NumberingPlan.Isdn, SourceAddr = "447700900001",
                EsmeAddrTon = TypeOfNumber.International, EsmeAddrNpi = NumberingPlan.Isdn, EsmeAddr = "1234",
                Tlvs = [Tlv.FromByte(TlvTag.MsAvailabilityStatus, 0)],
            },
            "0000002B 00000102 00000000 0000000A 0101 34343737303039303030303100 0101 3132333400 0422000100");
    }

    private static TestCaseData Case(string name, Pdu pdu, string hex) => new TestCaseData(pdu, hex).SetName("Golden: " + name);

    [TestCaseSource(nameof(Golden))]
    public void Encode_GoldenPdu_GivesTheSpecOctets(Pdu pdu, string hex)
    {
        Assert.That(Hex.Format(PduCodec.Default.Encode(pdu)), Is.EqualTo(Hex.Format(Hex.Parse(hex))));
    }

    [TestCaseSource(nameof(Golden))]
    public void Decode_GoldenOctets_GiveThePdu(Pdu pdu, string hex)
    {
        var bytes = Hex.Parse(hex);
        var result = PduCodec.Default.Decode(bytes);
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(PduDecodeStatus.Decoded), result.Error);
            Assert.That(result.Pdu, Is.EqualTo(pdu));
            Assert.That(result.BytesConsumed, Is.EqualTo(bytes.Length));
        });
    }

    // The deliver_sm of a USSD PSSR indication from a field report (Jasmin #842), see FIELD-NOTES.
    private const string UssdDeliverSm =
        "0000004400000005000000000000000250320001013636393737303931323035000101363639323330313131323100000000000000000f00062a34303036230501000101";

    [Test]
    public void Decode_FieldUssdDeliverSm_GivesServiceTypeCodingTextAndServiceOp()
    {
        var result = PduCodec.Default.Decode(Hex.Parse(UssdDeliverSm));
        Assert.That(result.Status, Is.EqualTo(PduDecodeStatus.Decoded), result.Error);
        var pdu = (DeliverSm)result.Pdu!;
        Assert.That(pdu.Tlvs.TryGet(TlvTag.UssdServiceOp, out var op), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(pdu.SequenceNumber, Is.EqualTo(2u));
            Assert.That(pdu.ServiceType, Is.EqualTo("P2"));
            Assert.That(pdu.SourceAddrTon, Is.EqualTo(TypeOfNumber.International));
            Assert.That(pdu.SourceAddr, Is.EqualTo("66977091205"));
            Assert.That(pdu.DestinationAddr, Is.EqualTo("66923011121"));
            Assert.That(pdu.DataCoding, Is.EqualTo(0x0F));
            Assert.That(Encoding.ASCII.GetString(pdu.ShortMessage.Span), Is.EqualTo("*4006#"));
            Assert.That(op.TryGetByte(out var value) ? (UssdServiceOp)value : (UssdServiceOp?)null, Is.EqualTo(UssdServiceOp.PssrIndication));
        });
    }

    [Test]
    public void Encode_DecodedFieldUssdDeliverSm_GivesTheSameOctets()
    {
        var bytes = Hex.Parse(UssdDeliverSm);
        var pdu = PduCodec.Default.Decode(bytes).Pdu!;
        Assert.That(Hex.Format(PduCodec.Default.Encode(pdu)), Is.EqualTo(Hex.Format(bytes)));
    }

    [Test]
    public void Decode_ErrorResponseWithNulBody_ReadsAsEmptyMessageId()
    {
        // node-smpp and others send the (empty) body even with an error status.
        var result = PduCodec.Default.Decode(Hex.Parse("00000011 80000004 00000045 00000003 00"));
        Assert.That(result.Pdu, Is.EqualTo(new SubmitSmResp { SequenceNumber = 3, CommandStatus = CommandStatus.SubmitFailed }));
    }

    [Test]
    public void Decode_DeliverSmRespWithoutBody_IsAccepted()
    {
        var result = PduCodec.Default.Decode(Hex.Parse("00000010 80000005 00000000 00000003"));
        Assert.That(result.Pdu, Is.EqualTo(new DeliverSmResp { SequenceNumber = 3 }));
    }

    [Test]
    public void ToString_BindRequest_RedactsThePassword()
    {
        var text = new BindTransceiver { SystemId = "me", Password = "hunter2" }.ToString();
        Assert.That(text, Does.Not.Contain("hunter2").And.Contain("***").And.Contain("me"));
    }
}
