using System.Text;
using SelfService.Channels.Sms.Tests.Support;
using SelfService.Messaging;
using SelfService.Smpp;

namespace SelfService.Channels.Sms.Tests;

/// <summary>
/// The inbound table: what the SMSC delivers (deliver_sm, data_sm), what the pipeline stores, and what the SMSC is
/// answered. Every row runs through <see cref="Inbound"/> against a real bind on loopback.
/// </summary>
public class SmsAdapterInboundTests
{
    private const string Customer = "79161234567";
    private const string CustomerE164 = "+79161234567";
    private const string ServiceNumber = "1212";

    /// <summary>The default duplicate window, the harness's too.</summary>
    private static readonly TimeSpan Window = new SmsOptions().DuplicateWindow;
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    /// <summary>One long Cyrillic message, cut the way a handset might cut it (the adapter must only join, not count).</summary>
    private static readonly string[] CyrillicParts = ["Подключите мне ", "тариф «Безлимит»", ", пожалуйста"];
    private static readonly string CyrillicWhole = string.Concat(CyrillicParts);
    private static readonly string[] OtherParts = ["Какой у меня ", "баланс?"];
    private static readonly string[] NextParts = ["А ещё подключите ", "пакет «Интернет 30 ГБ»", " с завтрашнего дня"];

    public abstract record Step;

    /// <summary>The SMSC sends <paramref name="Pdu"/>; the ESME answers <paramref name="Answer"/>, and the pipeline then holds
    /// <paramref name="StoredAfter"/> messages.</summary>
    public sealed record Deliver(IMessagePdu Pdu, CommandStatus Answer, int StoredAfter) : Step;

    /// <summary>The adapter's clock moves on.</summary>
    public sealed record Advance(TimeSpan By) : Step;

    /// <summary>The pipeline's store goes down (true) or comes back (false).</summary>
    public sealed record SinkFails(bool Failing) : Step;

    /// <summary>The gateway sends an outbox message first (the SMSC answers with the next hex id), for receipts to find.</summary>
    public sealed record Send(string OutboxId, string Text) : Step;

    /// <param name="Name">The scenario and its expectation, for the test name.</param>
    /// <param name="Steps">What happens, in order.</param>
    /// <param name="Stored">The messages the pipeline holds at the end: sender in E.164 and text.</param>
    /// <param name="Deliveries">For receipt rows: each outbox message and the delivery state of its one part.</param>
    /// <param name="Configure">Channel options for this row.</param>
    public sealed record InboundCase(
        string Name, Step[] Steps, (string Sender, string Text)[] Stored, (string OutboxId, string State)[]? Deliveries = null,
        Action<SmsOptions>? Configure = null)
    {
        public override string ToString() => Name;
    }

    private static IEnumerable<InboundCase> Rows()
    {
        // Text in every data_coding an SMSC sends.
        yield return One("Gsm7Unpacked_DecodedWithExtensionTable", Mo(Hex("48692000686F6D65201B6535")), "Hi @home €5");
        yield return One("Gsm7Packed_WhenConfigured_Unpacked", Mo(Hex("E8329BFD4697D9EC37")), "hellohello", o => o.PackGsm7 = true);
        yield return One("Ia5_Decoded", Mo(Encoding.ASCII.GetBytes("Balance?"), DataCoding.Ia5), "Balance?");
        yield return One("Latin1_Decoded", Mo(Encoding.Latin1.GetBytes("Café crème"), DataCoding.Latin1), "Café crème");
        yield return One("Ucs2Cyrillic_Decoded", Mo(Ucs2("Баланс, пожалуйста"), DataCoding.Ucs2), "Баланс, пожалуйста");
        yield return One("Dcs0F_ReadAsGsm7", Mo(Encoding.ASCII.GetBytes("*100#"), DataCoding.GsmUnspecifiedLanguage), "*100#");
        yield return One("BinaryDcs_ReachesThePipelineAsReplacementCharacter", Mo(Hex("DEADBEEF"), DataCoding.Binary2), "\uFFFD");
        yield return One("MessagePayload_ReadInsteadOfShortMessage",
            Mo([], DataCoding.Ucs2, tlvs: [Tlv.FromOctets(TlvTag.MessagePayload, Ucs2(CyrillicWhole))]), CyrillicWhole);
        yield return One("DataSm_AcceptedLikeDeliverSm", new DataSm
        {
            SourceAddrTon = TypeOfNumber.International, SourceAddrNpi = NumberingPlan.Isdn, SourceAddr = Customer,
            DestinationAddr = ServiceNumber, DataCoding = DataCoding.Ucs2, Tlvs = [Tlv.FromOctets(TlvTag.MessagePayload, Ucs2("Баланс"))],
        }, "Баланс");

        // The sender, whatever form the SMSC writes it in, becomes E.164.
        yield return One("NationalNumberWithTrunkPrefix_BecomesE164", Mo("8916", source: "89161234567", ton: TypeOfNumber.National), "8916");
        yield return One("NumberWithoutTon_BecomesE164", Mo("8916", source: Customer, ton: TypeOfNumber.Unknown), "8916");
        yield return One("InternationalTon_BecomesE164", Mo("8916", source: Customer, ton: TypeOfNumber.International), "8916");
        // TON 1 says the country code is there: a 10-digit foreign number (Iceland, +354 611 1234) is not a Russian national one.
        yield return One("InternationalTonShortForeignNumber_KeepsItsCountry",
            Mo("Hallo", source: "3546111234", ton: TypeOfNumber.International), "Hallo", sender: "+3546111234");
        yield return One("InternationalTonOnANationalNumber_StillBecomesE164", Mo("8916", source: "89161234567", ton: TypeOfNumber.International), "8916");
        yield return None("AlphanumericSender_NotAcceptedButAnsweredOk", Mo("Your code is 1234", source: "MyBank", ton: TypeOfNumber.Alphanumeric));

        // Concatenated MO: one message with the whole text, stored only once the last part is in.
        foreach (var (method, part) in new (string, Func<int, DeliverSm>)[] { ("Udh8Bit", Udh8), ("Udh16Bit", Udh16), ("Sar", Sar) })
        {
            yield return Whole($"Concatenated{method}_InOrder_OneMessageAfterTheLastPart", CyrillicWhole, (part(1), 0), (part(2), 0), (part(3), 1));
            yield return Whole($"Concatenated{method}_OutOfOrder_OneMessageAfterTheLastPart", CyrillicWhole, (part(3), 0), (part(1), 0), (part(2), 1));
        }
        yield return Whole("Concatenated_PartRedeliveredMidway_OneMessage", CyrillicWhole, (Udh8(1), 0), (Udh8(1), 0), (Udh8(2), 0), (Udh8(3), 1));
        yield return new InboundCase("Concatenated_LastPartRedeliveredAfterAcceptance_StillOneMessage",
            [Arrive(Udh8(1), stored: 0), Arrive(Udh8(2), stored: 0), Arrive(Udh8(3)), new Advance(Window + Second), Arrive(Udh8(3))],
            [(CustomerE164, CyrillicWhole)]);
        yield return new InboundCase("Concatenated_NextMessageReusesTheReference_StoredAsItsOwn",
            [Arrive(Udh8(1), stored: 0), Arrive(Udh8(2), stored: 0), Arrive(Udh8(3)),
             Arrive(Next(1)), Arrive(Next(2)), Arrive(Next(3), stored: 2)],
            [(CustomerE164, CyrillicWhole), (CustomerE164, string.Concat(NextParts))]);
        yield return new InboundCase("Concatenated_TwoMessagesInterleaved_KeptApart",
            [Arrive(Udh8(1), stored: 0), Arrive(Other(2), stored: 0), Arrive(Udh8(2), stored: 0), Arrive(Other(1), stored: 1), Arrive(Udh8(3), stored: 2)],
            [(CustomerE164, string.Concat(OtherParts)), (CustomerE164, CyrillicWhole)]);

        // Redeliveries are one message; the same text later is a new one.
        var balance = Mo("BALANCE");
        yield return new InboundCase("Redelivered_IdenticalPdu_StoredOnce",
            [Arrive(balance), Arrive(balance)], [(CustomerE164, "BALANCE")]);
        yield return new InboundCase("Redelivered_WithinDuplicateWindow_StoredOnce",
            [Arrive(balance), new Advance(Window - Second), Arrive(balance)], [(CustomerE164, "BALANCE")]);
        yield return new InboundCase("SameTextAfterDuplicateWindow_StoredAgain",
            [Arrive(balance), new Advance(Window + Second), Arrive(balance, stored: 2)], [(CustomerE164, "BALANCE"), (CustomerE164, "BALANCE")]);
        yield return new InboundCase("SameTextFromAnotherNumber_StoredForEach",
            [Arrive(balance), Arrive(Mo("BALANCE", source: "79031234567"), stored: 2)], [(CustomerE164, "BALANCE"), ("+79031234567", "BALANCE")]);

        // Persist, then acknowledge: a failed accept is answered with an error, so the SMSC delivers again.
        yield return new InboundCase("AcceptThrows_AnsweredSystemErrorAndRedeliveryStored",
            [new SinkFails(true), Arrive(balance, CommandStatus.SystemError, 0), new SinkFails(false), Arrive(balance)],
            [(CustomerE164, "BALANCE")]);
        yield return new InboundCase("AcceptOfWholeConcatenatedThrows_LastPartRedelivered_OneMessage",
            [Arrive(Udh8(1), stored: 0), Arrive(Udh8(2), stored: 0), new SinkFails(true), Arrive(Udh8(3), CommandStatus.SystemError, 0),
             new SinkFails(false), Arrive(Udh8(3))],
            [(CustomerE164, CyrillicWhole)]);

        // Delivery receipts update the outbox message they belong to and never reach the pipeline.
        const string secondId = "1A2B3D";   // the SMSC's id for out-2 (out-1 gets 1A2B3C)
        yield return ReceiptRow("Receipt_TextForm_MarksItsOutboxMessage",
            Receipt($"id:{secondId} sub:001 dlvrd:001 submit date:2611250900 done date:2611250901 stat:DELIVRD err:000 text:Your balance"), "DELIVRD");
        yield return ReceiptRow("Receipt_DecimalIdForHexSubmitId_Matched",
            Receipt("id:1715005 sub:001 dlvrd:001 submit date:2611250900 done date:2611250901 stat:DELIVRD err:000 Text:Your balance"), "DELIVRD");
        yield return ReceiptRow("Receipt_LowerCaseIdWithLeadingZeros_Matched",
            Receipt("id:001a2b3d sub:001 dlvrd:000 submit date:2611250900 done date:2611250901 stat:UNDELIV err:001 text:"), "UNDELIV");
        yield return ReceiptRow("Receipt_TlvsOnly_StateInTheReceiptVocabulary",
            Receipt("", [Tlv.FromCString(TlvTag.ReceiptedMessageId, secondId), Tlv.FromByte(TlvTag.MessageState, (byte)MessageState.Delivered)]), "DELIVRD");
        yield return ReceiptRow("Receipt_TlvsWithoutReceiptFlag_Recognised",
            Mo("", tlvs: [Tlv.FromCString(TlvTag.ReceiptedMessageId, secondId), Tlv.FromByte(TlvTag.MessageState, (byte)MessageState.Undeliverable)]), "UNDELIV");
        yield return ReceiptRow("Receipt_TextAndTlvsDisagree_TlvStateWins",
            Receipt($"id:{secondId} sub:001 dlvrd:001 submit date:2611250900 done date:2611250901 stat:DELIVRD err:000 text:",
                [Tlv.FromCString(TlvTag.ReceiptedMessageId, secondId), Tlv.FromByte(TlvTag.MessageState, (byte)MessageState.Expired)]), "EXPIRED");
        yield return ReceiptRow("Receipt_UnknownId_AnsweredOkAndNothingChanges",
            Receipt("id:FFFF01 sub:001 dlvrd:001 submit date:2611250900 done date:2611250901 stat:DELIVRD err:000 text:"), null);
        yield return ReceiptRow("Receipt_UnreadableText_NeverTakenForTheCustomersWords",
            Receipt($"Message {secondId} delivered"), null);

        // USSD travels on its own bind: on the SMS bind it is answered, not processed.
        yield return None("UssdServiceOp_NotAcceptedAsSms",
            Mo(Encoding.ASCII.GetBytes("*100#"), DataCoding.GsmUnspecifiedLanguage, tlvs: [Tlv.FromByte(TlvTag.UssdServiceOp, (byte)UssdServiceOp.PssrIndication)]));
    }

    private static IEnumerable<TestCaseData> InboundCases() => Rows().Select(r => new TestCaseData(r).SetName("OnDeliver_" + r.Name));

    [TestCaseSource(nameof(InboundCases))]
    public async Task Inbound(InboundCase row)
    {
        await using var sms = await SmsChannelHarness.StartAsync(row.Configure);
        int sends = 0;
        for (int i = 0; i < row.Steps.Length; i++)
        {
            switch (row.Steps[i])
            {
                case Deliver deliver:
                    var answer = await sms.DeliverAsync(deliver.Pdu);
                    Assert.That(answer, Is.EqualTo(deliver.Answer), $"step {i + 1}: the status answered to the SMSC");
                    Assert.That(sms.Sink.Stored, Has.Count.EqualTo(deliver.StoredAfter), $"step {i + 1}: messages stored so far");
                    break;
                case Advance advance:
                    sms.Clock.Advance(advance.By);
                    break;
                case SinkFails fails:
                    sms.Sink.FailNext = fails.Failing ? int.MaxValue : 0;
                    break;
                case Send send:
                    var result = await sms.SendStoredAsync(Outbound(send.OutboxId, send.Text));
                    Assert.That(result.Status, Is.EqualTo(SendStatus.Sent), $"step {i + 1}: sending {send.OutboxId}");
                    sends++;
                    break;
            }
        }

        var stored = sms.Sink.Stored;
        Assert.That(stored.Select(m => (m.SenderAddress, m.Text)), Is.EqualTo(row.Stored), "what the pipeline holds");
        Assert.That(stored.Select(m => m.Channel), Is.All.EqualTo(ChannelNames.Sms));
        Assert.That(stored.Select(m => m.SessionId), Is.EqualTo(stored.Select(m => m.SenderAddress)), "an SMS conversation is keyed by the number");
        // A redelivery or a retry after a failed accept is offered under the id the message is stored under, never a new one.
        Assert.That(sms.Sink.Offered.Select(m => m.ChannelMessageId).Distinct(), Is.EquivalentTo(stored.Select(m => m.ChannelMessageId).Distinct()));
        Assert.That(sms.Smsc.Submits, Has.Count.EqualTo(sends), "inbound traffic sends nothing back by itself");
        foreach (var (outboxId, state) in row.Deliveries ?? [])
        {
            var parts = await sms.PartsOfAsync(outboxId);
            Assert.That(parts.Select(p => p.DeliveryState), Is.EqualTo(new[] { state }), $"the delivery state of {outboxId}");
        }
    }

    /// <summary>Two messages go out (out-1 → 1A2B3C, out-2 → 1A2B3D), then the receipt comes; <paramref name="state"/> is what
    /// out-2 shows after it (null: the receipt matches nothing), while out-1 stays ENROUTE.</summary>
    private static InboundCase ReceiptRow(string name, IMessagePdu receipt, string? state) => new(name,
        [new Send("out-1", "Hello"), new Send("out-2", "Your balance is 350 RUB"), new Deliver(receipt, CommandStatus.Ok, 0)],
        [], [("out-1", "ENROUTE"), ("out-2", state ?? "ENROUTE")]);

    private static InboundCase One(string name, IMessagePdu pdu, string text, Action<SmsOptions>? configure = null, string sender = CustomerE164) =>
        new(name, [new Deliver(pdu, CommandStatus.Ok, 1)], [(sender, text)], Configure: configure);

    private static InboundCase None(string name, IMessagePdu pdu) => new(name, [new Deliver(pdu, CommandStatus.Ok, 0)], []);

    private static InboundCase Whole(string name, string text, params (DeliverSm Pdu, int StoredAfter)[] parts) =>
        new(name, [.. parts.Select(p => Arrive(p.Pdu, stored: p.StoredAfter))], [(CustomerE164, text)]);

    private static Deliver Arrive(IMessagePdu pdu, CommandStatus answer = CommandStatus.Ok, int stored = 1) => new(pdu, answer, stored);

    private static DeliverSm Mo(string text, string source = Customer, TypeOfNumber ton = TypeOfNumber.International, TlvList? tlvs = null) =>
        Mo(Encoding.ASCII.GetBytes(text), DataCoding.SmscDefault, source, ton, tlvs: tlvs);

    private static DeliverSm Mo(
        byte[] shortMessage, byte dataCoding = DataCoding.SmscDefault, string source = Customer, TypeOfNumber ton = TypeOfNumber.International,
        byte esmClass = 0, TlvList? tlvs = null) => new()
        {
            SourceAddrTon = ton,
            SourceAddrNpi = ton == TypeOfNumber.Alphanumeric ? NumberingPlan.Unknown : NumberingPlan.Isdn,
            SourceAddr = source,
            DestAddrTon = TypeOfNumber.Unknown,
            DestinationAddr = ServiceNumber,
            EsmClass = esmClass,
            DataCoding = dataCoding,
            ShortMessage = shortMessage,
            Tlvs = tlvs ?? TlvList.Empty,
        };

    private static DeliverSm Udh8(int seq) => Concatenated8(0x2A, CyrillicParts, seq);

    private static DeliverSm Udh16(int seq) =>
        Mo([0x06, 0x08, 0x04, 0x01, 0x2C, 3, (byte)seq, .. Ucs2(CyrillicParts[seq - 1])], DataCoding.Ucs2, esmClass: EsmClass.UdhIndicator);

    private static DeliverSm Sar(int seq) => Mo(Ucs2(CyrillicParts[seq - 1]), DataCoding.Ucs2, tlvs:
        [Tlv.FromUInt16(TlvTag.SarMsgRefNum, 0x012C), Tlv.FromByte(TlvTag.SarTotalSegments, 3), Tlv.FromByte(TlvTag.SarSegmentSeqnum, (byte)seq)]);

    /// <summary>A part of a second long message from the same number, with another reference.</summary>
    private static DeliverSm Other(int seq) => Concatenated8(0x2B, OtherParts, seq);

    /// <summary>A part of a later long message from the same number that happens to reuse the reference of <see cref="Udh8"/>.</summary>
    private static DeliverSm Next(int seq) => Concatenated8(0x2A, NextParts, seq);

    private static DeliverSm Concatenated8(byte reference, string[] parts, int seq) =>
        Mo([0x05, 0x00, 0x03, reference, (byte)parts.Length, (byte)seq, .. Ucs2(parts[seq - 1])], DataCoding.Ucs2, esmClass: EsmClass.UdhIndicator);

    private static DeliverSm Receipt(string text, TlvList? tlvs = null) =>
        Mo(Encoding.ASCII.GetBytes(text), esmClass: EsmClass.SmscDeliveryReceipt, tlvs: tlvs);

    private static OutboundMessage Outbound(string id, string text) => new(id, ChannelNames.Sms, CustomerE164, text, [], null, CustomerE164, null);

    private static byte[] Ucs2(string text) => Encoding.BigEndianUnicode.GetBytes(text);

    private static byte[] Hex(string hex) => Convert.FromHexString(hex);
}
