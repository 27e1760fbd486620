using System.Buffers;
using SelfService.Smpp.Tests.Support;

namespace SelfService.Smpp.Tests.Codec;

/// <summary>Short buffers, lying lengths, bad fields and unknown commands: what the codec answers for each.</summary>
public class PduCodecFramingTests
{
    private static readonly PduCodec Codec = PduCodec.Default;

    private static readonly Pdu[] Stream =
    [
        new BindTransceiver { SequenceNumber = 1, SystemId = "esme", Password = "pw" },
        new SubmitSm { SequenceNumber = 2, SourceAddr = "1234", DestinationAddr = "5678", ShortMessage = "Hello"u8.ToArray() },
        new EnquireLink { SequenceNumber = 3 },
        new DeliverSm { SequenceNumber = 4, SourceAddr = "5678", DestinationAddr = "1234", Tlvs = [Tlv.FromByte(TlvTag.UssdServiceOp, 1)] },
    ];

    private static byte[] StreamBytes() => Stream.SelectMany(p => Codec.Encode(p)).ToArray();

    [Test]
    public void Decode_EveryPrefixOfAStream_IsNeedMoreDataUntilAFrameIsWhole()
    {
        var bytes = StreamBytes();
        var frameEnds = Stream.Select((_, i) => Stream.Take(i + 1).Sum(Codec.GetEncodedLength)).ToArray();

        for (int cut = 0; cut <= bytes.Length; cut++)
        {
            var decoded = DecodeAll(bytes.AsSpan(0, cut), out int consumed);
            int whole = frameEnds.Count(end => end <= cut);
            Assert.That(decoded, Is.EqualTo(Stream.Take(whole).ToList()), $"cut at {cut}");
            Assert.That(consumed, Is.EqualTo(whole == 0 ? 0 : frameEnds[whole - 1]), $"cut at {cut}");
        }
    }

    [Test]
    public void Decode_StreamSplitIntoTwoSegmentsAtEveryPoint_GivesEveryPdu()
    {
        var bytes = StreamBytes();
        for (int cut = 1; cut < bytes.Length; cut++)
        {
            var sequence = Segments.Split(bytes, cut);
            var decoded = new List<Pdu>();
            while (true)
            {
                var result = Codec.Decode(sequence);
                if (result.Status != PduDecodeStatus.Decoded) break;
                decoded.Add(result.Pdu!);
                sequence = sequence.Slice(result.BytesConsumed);
            }
            Assert.That(decoded, Is.EqualTo(Stream), $"split at {cut}");
            Assert.That(sequence.Length, Is.Zero);
        }
    }

    [Test]
    public void Decode_OneOctetPerSegment_GivesEveryPdu()
    {
        var sequence = Segments.OneByteEach(StreamBytes());
        var decoded = new List<Pdu>();
        for (var result = Codec.Decode(sequence); result.Status == PduDecodeStatus.Decoded; result = Codec.Decode(sequence))
        {
            decoded.Add(result.Pdu!);
            sequence = sequence.Slice(result.BytesConsumed);
        }
        Assert.That(decoded, Is.EqualTo(Stream));
    }

    [Test]
    public void Decode_LargePduAcrossSegments_IsDecoded()
    {
        var payload = Enumerable.Range(0, 3000).Select(i => (byte)i).ToArray();
        var pdu = new DataSm { SequenceNumber = 9, SourceAddr = "1", DestinationAddr = "2", Tlvs = [Tlv.FromOctets(TlvTag.MessagePayload, payload)] };
        var result = Codec.Decode(Segments.Split(Codec.Encode(pdu), 1000));
        Assert.That(result.Pdu, Is.EqualTo(pdu));
    }

    [TestCase("0000000F", TestName = "Decode_CommandLength15_IsAFramingError")]
    [TestCase("00000000", TestName = "Decode_CommandLength0_IsAFramingError")]
    [TestCase("00010001", TestName = "Decode_CommandLengthOverTheMaximum_IsAFramingError")]
    [TestCase("FFFFFFFF", TestName = "Decode_CommandLength4GiB_IsAFramingErrorWithoutWaiting")]
    public void Decode_ImpossibleCommandLength_IsAFramingError(string lengthHex)
    {
        // Only the length has arrived: the verdict must not wait for the rest.
        var result = Codec.Decode(Hex.Parse(lengthHex));
        Assert.That(result.Status, Is.EqualTo(PduDecodeStatus.FramingError));
        Assert.That(Codec.Decode(new ReadOnlySequence<byte>(Hex.Parse(lengthHex + "00000015 00000000 00000001"))).Status, Is.EqualTo(PduDecodeStatus.FramingError));
    }

    [Test]
    public void Decode_ConfiguredMaximum_IsEnforced()
    {
        var codec = new PduCodec(maxPduLength: 100);
        var pdu = new DataSm { Tlvs = [Tlv.FromOctets(TlvTag.MessagePayload, new byte[100])] };
        Assert.That(codec.Decode(codec.Encode(pdu)).Status, Is.EqualTo(PduDecodeStatus.FramingError));
    }

    [Test]
    public void Decode_CommandLengthLongerThanTheBody_WaitsForMoreData()
    {
        // A lying length within the maximum cannot be told from a slow sender: it is "need more data".
        Assert.That(Codec.Decode(Hex.Parse("00000020 00000015 00000000 00000001")).Status, Is.EqualTo(PduDecodeStatus.NeedMoreData));
    }

    [Test]
    public void Decode_CommandLengthCutsAFieldShort_IsInvalidWithInvalidCommandLengthAndSkipsTheFrame()
    {
        var full = Codec.Encode(new SubmitSm { SequenceNumber = 77, SourceAddr = "1234", DestinationAddr = "5678", ShortMessage = "Hi"u8.ToArray() });
        var lying = full[..20];
        lying[3] = 20;
        var result = Codec.Decode(lying.Concat(Codec.Encode(new EnquireLink { SequenceNumber = 78 })).ToArray());
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(PduDecodeStatus.InvalidPdu));
            Assert.That(result.ErrorStatus, Is.EqualTo(CommandStatus.InvalidCommandLength));
            Assert.That(result.BytesConsumed, Is.EqualTo(20));
            Assert.That(result.CreateErrorResponse(), Is.EqualTo(new SubmitSmResp { SequenceNumber = 77, CommandStatus = CommandStatus.InvalidCommandLength }));
        });
    }

    [TestCase("00000010 00000099 00000000 00000005", TestName = "Decode_UnknownCommandId_IsGenericNackInvalidCommandId")]
    [TestCase("00000014 00000099 00000000 00000005 DEADBEEF", TestName = "Decode_UnknownCommandIdWithBody_IsGenericNackInvalidCommandId")]
    [TestCase("00000010 80000099 00000000 00000005", TestName = "Decode_UnknownResponseId_IsGenericNackInvalidCommandId")]
    [TestCase("00000010 00000021 00000000 00000005", TestName = "Decode_UnsupportedSubmitMulti_IsGenericNackInvalidCommandId")]
    public void Decode_UnknownCommand_IsAnsweredWithGenericNack(string hex)
    {
        var bytes = Hex.Parse(hex);
        var result = Codec.Decode(bytes);
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(PduDecodeStatus.InvalidPdu));
            Assert.That(result.ErrorStatus, Is.EqualTo(CommandStatus.InvalidCommandId));
            Assert.That(result.BytesConsumed, Is.EqualTo(bytes.Length));
            Assert.That(result.CreateErrorResponse(), Is.EqualTo(new GenericNack { SequenceNumber = 5, CommandStatus = CommandStatus.InvalidCommandId }));
        });
    }

    public static IEnumerable<TestCaseData> BadBodies()
    {
        // source_addr of 21 characters and no NUL within the 21 allowed octets.
        yield return new TestCaseData("00 0101 " + Ascii(new string('1', 21)) + "00 0101 3500 000000 00 00 00000000 00", CommandId.SubmitSm, CommandStatus.InvalidSourceAddress).SetName("Decode_SourceAddrTooLong_IsInvalidSourceAddress");
        yield return new TestCaseData("00 0101 3100 0101 " + Ascii(new string('2', 21)) + "00 000000 00 00 00000000 00", CommandId.SubmitSm, CommandStatus.InvalidDestinationAddress).SetName("Decode_DestinationAddrTooLong_IsInvalidDestinationAddress");
        yield return new TestCaseData(Ascii("CMTXYZ") + "00 0101 3100 0101 3200 000000 00 00 00000000 00", CommandId.SubmitSm, CommandStatus.InvalidServiceType).SetName("Decode_ServiceTypeTooLong_IsInvalidServiceType");
        yield return new TestCaseData("00 0101 3100 0101 3200 000000 " + Ascii("2501011200") + "00 00 00000000 00", CommandId.SubmitSm, CommandStatus.InvalidScheduledDeliveryTime).SetName("Decode_ScheduleTimeOf10Characters_IsInvalidScheduledDeliveryTime");
        yield return new TestCaseData("00 0101 3100 0101 3200 000000 00 " + Ascii("1") + "00 00000000 00", CommandId.SubmitSm, CommandStatus.InvalidExpiry).SetName("Decode_ValidityOf1Character_IsInvalidExpiry");
        yield return new TestCaseData("00 0101 3100 0101 3200 000000 00 00 00000000 05 4142", CommandId.SubmitSm, CommandStatus.InvalidMessageLength).SetName("Decode_SmLengthPastTheEnd_IsInvalidMessageLength");
        yield return new TestCaseData("00 0101 3100 0101 3200 000000 00 00 00000000 FF" + new string('4', 510), CommandId.SubmitSm, CommandStatus.InvalidMessageLength).SetName("Decode_SmLength255_IsInvalidMessageLength");
        yield return new TestCaseData("00 0101 3100 0101 3200 000000 00 00 00000000 00 0424", CommandId.SubmitSm, CommandStatus.InvalidOptionalParameterStream).SetName("Decode_TlvHeaderCutShort_IsInvalidOptionalParameterStream");
        yield return new TestCaseData("00 0101 3100 0101 3200 000000 00 00 00000000 00 0424 0010 4142", CommandId.SubmitSm, CommandStatus.InvalidOptionalParameterStream).SetName("Decode_TlvLengthPastTheEnd_IsInvalidOptionalParameterStream");
        yield return new TestCaseData("00 0101 3100 0101 3200 000000 00 00 00000000", CommandId.SubmitSm, CommandStatus.InvalidCommandLength).SetName("Decode_BodyEndsBeforeSmLength_IsInvalidCommandLength");
        yield return new TestCaseData("00 0101 31", CommandId.SubmitSm, CommandStatus.InvalidCommandLength).SetName("Decode_UnterminatedCString_IsInvalidCommandLength");
        yield return new TestCaseData(Ascii(new string('s', 16)) + "00 00 00 34 00 00 00", CommandId.BindTransceiver, CommandStatus.InvalidSystemId).SetName("Decode_SystemIdTooLong_IsInvalidSystemId");
        yield return new TestCaseData("7300 " + Ascii("123456789") + "00 00 34 00 00 00", CommandId.BindTransmitter, CommandStatus.InvalidPassword).SetName("Decode_PasswordTooLong_IsInvalidPassword");
        yield return new TestCaseData("7300 7000 00 34 00 00 00 FF", CommandId.BindReceiver, CommandStatus.InvalidCommandLength).SetName("Decode_BindWithTrailingOctets_IsInvalidCommandLength");
        yield return new TestCaseData(Ascii(new string('9', 65)), CommandId.SubmitSmResp, CommandStatus.InvalidMessageId).SetName("Decode_MessageIdTooLong_IsInvalidMessageId");
        yield return new TestCaseData("00", CommandId.EnquireLink, CommandStatus.InvalidCommandLength).SetName("Decode_EnquireLinkWithABody_IsInvalidCommandLength");
    }

    private static string Ascii(string s) => Convert.ToHexString(System.Text.Encoding.ASCII.GetBytes(s));

    [TestCaseSource(nameof(BadBodies))]
    public void Decode_BadBody_IsRecoverableWithTheSpecStatus(string bodyHex, CommandId commandId, CommandStatus expected)
    {
        var body = Hex.Parse(bodyHex);
        var frame = new byte[16 + body.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)frame.Length);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), (uint)commandId);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(12), 42);
        body.CopyTo(frame, 16);

        var result = Codec.Decode(frame);
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(PduDecodeStatus.InvalidPdu), "decoded: " + result.Pdu);
            Assert.That(result.ErrorStatus, Is.EqualTo(expected), result.Error);
            Assert.That(result.Header.SequenceNumber, Is.EqualTo(42u));
            Assert.That(result.BytesConsumed, Is.EqualTo(frame.Length));
        });
    }

    [Test]
    public void CreateErrorResponse_ForKnownRequests_IsTheirOwnResp()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Pdu.CreateErrorResponse(CommandId.DeliverSm, 3, CommandStatus.SystemError), Is.EqualTo(new DeliverSmResp { SequenceNumber = 3, CommandStatus = CommandStatus.SystemError }));
            Assert.That(Pdu.CreateErrorResponse(CommandId.BindTransceiver, 1, CommandStatus.InvalidSystemId), Is.EqualTo(new BindTransceiverResp { SequenceNumber = 1, CommandStatus = CommandStatus.InvalidSystemId }));
            Assert.That(Pdu.CreateErrorResponse(CommandId.SubmitSmResp, 1, CommandStatus.InvalidCommandLength), Is.TypeOf<GenericNack>());
        });
    }

    public static IEnumerable<TestCaseData> Unencodable()
    {
        yield return new TestCaseData(new SubmitSm { SourceAddr = new string('1', 21) }, "source_addr").SetName("Encode_SourceAddrOf21_Throws");
        yield return new TestCaseData(new SubmitSm { DestinationAddr = new string('1', 21) }, "destination_addr").SetName("Encode_DestinationAddrOf21_Throws");
        yield return new TestCaseData(new SubmitSm { ShortMessage = new byte[255] }, "short_message").SetName("Encode_ShortMessageOf255_Throws");
        yield return new TestCaseData(new SubmitSm { ServiceType = "ABCDEF" }, "service_type").SetName("Encode_ServiceTypeOf6_Throws");
        yield return new TestCaseData(new SubmitSm { ValidityPeriod = "000001" }, "validity_period").SetName("Encode_ShortValidityPeriod_Throws");
        yield return new TestCaseData(new SubmitSm { SourceAddr = "Опер" }, "source_addr").SetName("Encode_NonLatin1Address_Throws");
        yield return new TestCaseData(new SubmitSm { SourceAddr = "a\0b" }, "source_addr").SetName("Encode_NulInsideACString_Throws");
        yield return new TestCaseData(new BindTransmitter { SystemId = new string('s', 16) }, "system_id").SetName("Encode_SystemIdOf16_Throws");
        yield return new TestCaseData(new BindTransmitter { Password = "123456789" }, "password").SetName("Encode_PasswordOf9_Throws");
        yield return new TestCaseData(new BindTransmitter { AddressRange = new string('1', 41) }, "address_range").SetName("Encode_AddressRangeOf41_Throws");
        yield return new TestCaseData(new SubmitSmResp { MessageId = new string('1', 65) }, "message_id").SetName("Encode_MessageIdOf65_Throws");
        yield return new TestCaseData(new DataSm { SourceAddr = new string('1', 65) }, "source_addr").SetName("Encode_DataSmSourceAddrOf65_Throws");
        yield return new TestCaseData(new DataSm { Tlvs = [Tlv.FromOctets(TlvTag.MessagePayload, new byte[65536])] }, "TLV 0x0424").SetName("Encode_TlvOver64K_Throws");
    }

    [TestCaseSource(nameof(Unencodable))]
    public void Encode_FieldBreakingTheSpec_ThrowsInvalidPdu(Pdu pdu, string field)
    {
        var ex = Assert.Throws<SmppInvalidPduException>(() => Codec.Encode(pdu));
        Assert.That(ex!.Field, Is.EqualTo(field));
    }

    [Test]
    public void Encode_LongestLegalFields_RoundTrip()
    {
        var pdu = new DataSm { SourceAddr = new string('1', 64), DestinationAddr = new string('2', 64), ServiceType = "ABCDE" };
        Assert.That(Codec.Decode(Codec.Encode(pdu)).Pdu, Is.EqualTo(pdu));
        var submit = new SubmitSm { SourceAddr = new string('1', 20), ShortMessage = new byte[254] };
        Assert.That(Codec.Decode(Codec.Encode(submit)).Pdu, Is.EqualTo(submit));
    }

    [Test]
    public void Encode_IntoABufferWriter_AppendsTheOctets()
    {
        var writer = new ArrayBufferWriter<byte>();
        Codec.Encode(new EnquireLink { SequenceNumber = 1 }, writer);
        Codec.Encode(new EnquireLinkResp { SequenceNumber = 1 }, writer);
        Assert.That(Hex.Format(writer.WrittenSpan), Is.EqualTo("0000001000000015000000000000000100000010800000150000000000000001"));
    }

    private static List<Pdu> DecodeAll(ReadOnlySpan<byte> bytes, out int consumed)
    {
        var list = new List<Pdu>();
        consumed = 0;
        while (true)
        {
            var result = Codec.Decode(bytes[consumed..]);
            if (result.Status != PduDecodeStatus.Decoded) return list;
            list.Add(result.Pdu!);
            consumed += result.BytesConsumed;
        }
    }
}
