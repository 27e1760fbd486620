using System.Globalization;
using SelfService.Channels.Sms.Tests.Support;
using SelfService.Messaging;
using SelfService.Smpp;

namespace SelfService.Channels.Sms.Tests;

/// <summary>
/// The outbound table: an outbox message handed to SendAsync, the submit_sm PDUs the SMSC sees, what SendAsync returns
/// and the parts the outbox keeps for delivery receipts. Every row runs through <see cref="Outbound"/> against a real
/// bind on loopback, with the SMSC answering as the row scripts.
/// </summary>
public class SmsAdapterOutboundTests
{
    private const string CustomerE164 = "+79161234567";
    private const string OutboxId = "out-1";
    private const string Short = "Your balance is 350 RUB";

    private static readonly string Gsm200 = Cut(string.Concat(Enumerable.Repeat("Your balance is 350 RUB. ", 20)), 200);
    private static readonly string Gsm400 = Cut(string.Concat(Enumerable.Repeat("Tariff Unlimited is on. ", 20)), 400);
    private static readonly string Cyrillic100 = Cut(string.Concat(Enumerable.Repeat("Ваш баланс 350 рублей. ", 10)), 100);

    /// <summary>What one SendAsync returns: its status, and a piece of its error text (null: no error text at all).</summary>
    public sealed record Outcome(SendStatus Status, string? ErrorContains = null)
    {
        public static Outcome Sent { get; } = new(SendStatus.Sent);
    }

    /// <param name="Name">The scenario and its expectation, for the test name.</param>
    /// <param name="Text">The reply to send to <see cref="CustomerE164"/>.</param>
    /// <param name="Script">How the SMSC answers the first submits (then Ok).</param>
    /// <param name="Submits">Every submit_sm the SMSC sees, described by <see cref="Describe"/> (the reference is masked as *).</param>
    /// <param name="Outcomes">One per SendAsync of the same message; after the first, each waits for the bind to come back.</param>
    /// <param name="Recorded">The parts the outbox keeps for the message: "part/parts smscId".</param>
    public sealed record OutboundCase(
        string Name, string Text, SmscAnswer[] Script, string[] Submits, Outcome[] Outcomes, string[] Recorded,
        Action<SmsOptions>? Configure = null, bool Bind = true, bool TransportOnFakeClock = false)
    {
        public override string ToString() => Name;
    }

    private static IEnumerable<OutboundCase> Rows()
    {
        string id0 = ScriptedSmsc.MessageId(0), id1 = ScriptedSmsc.MessageId(1);
        string single = $"dc=00 esm=00 udh=- sar=- payload=- chars={Short.Length}";

        // The shape of what goes out.
        yield return new("ShortGsm_OneSubmitAsConfigured", Short, [], [single], [Outcome.Sent], [$"1/1 {id0}"]);
        yield return new("ShortGsm_SourceAndReceiptsFromOptions", Short, [], [single], [Outcome.Sent], [$"1/1 {id0}"],
            o => { o.SourceAddress = "Operator"; o.SourceTon = TypeOfNumber.Alphanumeric; o.RequestDeliveryReceipts = false; });
        yield return new("Gsm200_TwoPartsWithUdh8BitReference", Gsm200, [],
            ["dc=00 esm=40 udh=050003**0201 sar=- payload=- chars=153", "dc=00 esm=40 udh=050003**0202 sar=- payload=- chars=47"],
            [Outcome.Sent], [$"1/2 {id0}", $"2/2 {id1}"]);
        yield return new("Cyrillic100_TwoUcs2PartsOf67", Cyrillic100, [],
            ["dc=08 esm=40 udh=050003**0201 sar=- payload=- chars=67", "dc=08 esm=40 udh=050003**0202 sar=- payload=- chars=33"],
            [Outcome.Sent], [$"1/2 {id0}", $"2/2 {id1}"]);
        yield return new("Gsm200_Udh16BitReference_TwoPartsOf152", Gsm200, [],
            ["dc=00 esm=40 udh=060804****0201 sar=- payload=- chars=152", "dc=00 esm=40 udh=060804****0202 sar=- payload=- chars=48"],
            [Outcome.Sent], [$"1/2 {id0}", $"2/2 {id1}"], o => o.Concatenation = ConcatenationMethod.Udh16BitReference);
        yield return new("Gsm200_Sar_TwoPartsWithSarTlvsAndNoUdh", Gsm200, [],
            ["dc=00 esm=00 udh=- sar=2/1 payload=- chars=153", "dc=00 esm=00 udh=- sar=2/2 payload=- chars=47"],
            [Outcome.Sent], [$"1/2 {id0}", $"2/2 {id1}"], o => o.Concatenation = ConcatenationMethod.Sar);
        yield return new("Gsm200_MessagePayload_OneSubmit", Gsm200, [],
            ["dc=00 esm=00 udh=- sar=- payload=200 chars=200"],
            [Outcome.Sent], [$"1/1 {id0}"], o => o.Concatenation = ConcatenationMethod.MessagePayload);
        yield return new("NonGsmLatin_Latin1Allowed_Dcs3", "Crêpe", [], ["dc=03 esm=00 udh=- sar=- payload=- chars=5"],
            [Outcome.Sent], [$"1/1 {id0}"], o => o.AllowLatin1 = true);

        // What the SMSC answers, and what the outbox is told.
        yield return new("ThrottledTwiceThenOk_SentOnce", Short, [SmscAnswer.Refuse(CommandStatus.Throttled), SmscAnswer.Refuse(CommandStatus.Throttled)],
            [single, single, single], [Outcome.Sent], [$"1/1 {id0}"]);
        yield return new("QueueFullTwiceThenOk_SentOnce", Short, [SmscAnswer.Refuse(CommandStatus.MessageQueueFull), SmscAnswer.Refuse(CommandStatus.MessageQueueFull)],
            [single, single, single], [Outcome.Sent], [$"1/1 {id0}"]);
        yield return new("ThrottledPastTheRetries_RetryableLater", Short, [SmscAnswer.Refuse(CommandStatus.Throttled), SmscAnswer.Refuse(CommandStatus.Throttled)],
            [single, single], [new(SendStatus.RetryableFailure, "Throttled")], [], o => o.Smpp.MaxThrottledRetries = 1);
        yield return new("InvalidDestination_PermanentFailureNamingTheStatus", Short, [SmscAnswer.Refuse(CommandStatus.InvalidDestinationAddress)],
            [single], [new(SendStatus.PermanentFailure, nameof(CommandStatus.InvalidDestinationAddress))], []);
        yield return new("ConnectionDroppedBeforeTheAnswer_RetryableThenSentAfterRebind", Short, [SmscAnswer.Drop],
            [single, single], [new(SendStatus.RetryableFailure, "dropped"), Outcome.Sent], [$"1/1 {id0}"]);
        yield return new("NoAnswerWithinResponseTimeout_SentUnconfirmedAndNotResubmitted", Short, [SmscAnswer.Silent],
            [single], [new(SendStatus.Sent, "unconfirmed")], [], o => o.Smpp.ResponseTimeout = TimeSpan.FromSeconds(2), TransportOnFakeClock: true);
        yield return new("NotBound_WaitsForTheBindAndNothingSubmitted", Short, [], [], [new(SendStatus.ChannelUnavailable, "bind is down")], [], Bind: false);
        yield return new("ThreeParts_SecondRefused_PermanentAndOnlyTheFirstRecorded", Gsm400, [SmscAnswer.Ok, SmscAnswer.Refuse(CommandStatus.SubmitFailed)],
            ["dc=00 esm=40 udh=050003**0301 sar=- payload=- chars=153", "dc=00 esm=40 udh=050003**0302 sar=- payload=- chars=153"],
            [new(SendStatus.PermanentFailure, "part 2 of 3")], [$"1/3 {id0}"]);
        yield return new("ThreeParts_DroppedAtTheSecond_ResumesAfterTheRebindWithoutRepeatingTheFirst", Gsm400, [SmscAnswer.Ok, SmscAnswer.Drop],
            ["dc=00 esm=40 udh=050003**0301 sar=- payload=- chars=153", "dc=00 esm=40 udh=050003**0302 sar=- payload=- chars=153",
             "dc=00 esm=40 udh=050003**0302 sar=- payload=- chars=153", "dc=00 esm=40 udh=050003**0303 sar=- payload=- chars=94"],
            [new(SendStatus.RetryableFailure, "part 2 of 3"), Outcome.Sent], [$"1/3 {id0}", $"2/3 {id1}", $"3/3 {ScriptedSmsc.MessageId(2)}"]);
    }

    private static IEnumerable<TestCaseData> OutboundCases() => Rows().Select(r => new TestCaseData(r).SetName("Send_" + r.Name));

    [TestCaseSource(nameof(OutboundCases))]
    public async Task Outbound(OutboundCase row)
    {
        await using var sms = await SmsChannelHarness.StartAsync(row.Configure, row.Bind, row.TransportOnFakeClock);
        sms.Smsc.Script(row.Script);
        var message = new OutboundMessage(OutboxId, ChannelNames.Sms, CustomerE164, row.Text, [], null, CustomerE164, null);

        for (int i = 0; i < row.Outcomes.Length; i++)
        {
            if (i > 0) await sms.WaitUntilReboundAsync(binds: i + 1);
            var sending = sms.SendStoredAsync(message);
            if (row.TransportOnFakeClock)
            {
                // The submit is in the client's window once the SMSC has it: now let its response timeout pass.
                await sms.Smsc.SilentSubmitReceived.Task.WaitAsync(SmsChannelHarness.WaitLimit);
                sms.Clock.Advance(sms.Options.Smpp.ResponseTimeout);
            }
            var result = await sending.WaitAsync(SmsChannelHarness.WaitLimit);
            var expected = row.Outcomes[i];
            Assert.That(result.Status, Is.EqualTo(expected.Status), $"send {i + 1}: {result.Error}");
            Assert.That(result.Error, expected.ErrorContains is null ? Is.Null : Does.Contain(expected.ErrorContains), $"send {i + 1}: the error");
        }

        var submits = sms.Smsc.Submits;
        Assert.That(submits.Select(Describe), Is.EqualTo(row.Submits), "the submits the SMSC saw");
        var options = sms.Options;
        foreach (var submit in submits)
        {
            Assert.That((submit.SourceAddrTon, submit.SourceAddrNpi, submit.SourceAddr), Is.EqualTo((options.SourceTon, options.SourceNpi, options.SourceAddress)));
            Assert.That((submit.DestAddrTon, submit.DestAddrNpi, submit.DestinationAddr), Is.EqualTo((TypeOfNumber.International, NumberingPlan.Isdn, "79161234567")));
            Assert.That(submit.RegisteredDelivery, Is.EqualTo(options.RequestDeliveryReceipts ? RegisteredDelivery.SmscReceiptOnFinal : RegisteredDelivery.None));
        }
        var references = submits.Select(s => ConcatenationInfo.TryRead(s, out var info) ? info.Reference : (int?)null).OfType<int>().Distinct();
        Assert.That(references.Count(), Is.AtMost(1), "the parts of one message share one reference");

        var recorded = await sms.PartsOfAsync(OutboxId);
        Assert.That(recorded.Select(s => $"{s.Part}/{s.Parts} {s.ChannelMessageId}"), Is.EqualTo(row.Recorded), "what receipts can find");
        if (row.Outcomes[^1].Status == SendStatus.Sent && recorded.Count > 0)
        {
            // The parts that went through, joined, are the text: nothing lost or repeated at the cuts, even across a resume.
            var accepted = submits.Where((s, i) => !IsDropped(row, i));
            var text = string.Concat(accepted.TakeLast(recorded.Count).Select(s => MessageContent.Read(s, TextOptions(options)).Text));
            Assert.That(text, Is.EqualTo(row.Text));
        }
    }

    /// <summary>data_coding, esm_class, the UDH with its reference masked, the SAR total/seq, the message_payload octets,
    /// and the characters the part carries.</summary>
    private static string Describe(SubmitSm submit)
    {
        string udh = "-";
        if ((submit.EsmClass & EsmClass.UdhIndicator) != 0)
        {
            var data = submit.ShortMessage.Span;
            var hex = Convert.ToHexString(data[..(1 + data[0])]);
            int referenceDigits = data[1] == 0x08 ? 4 : 2;   // IEI 08: 16-bit reference, IEI 00: 8-bit
            udh = hex[..6] + new string('*', referenceDigits) + hex[(6 + referenceDigits)..];
        }
        string sar = submit.Tlvs.TryGet(TlvTag.SarTotalSegments, out var total) && submit.Tlvs.TryGet(TlvTag.SarSegmentSeqnum, out var seq)
            && submit.Tlvs.TryGet(TlvTag.SarMsgRefNum, out _)
            ? $"{total.Value.Span[0]}/{seq.Value.Span[0]}"
            : "-";
        string payload = submit.Tlvs.TryGet(TlvTag.MessagePayload, out var p) ? p.Value.Length.ToString(CultureInfo.InvariantCulture) : "-";
        var text = MessageContent.Read(submit).Text;
        return $"dc={submit.DataCoding:X2} esm={submit.EsmClass:X2} udh={udh} sar={sar} payload={payload} chars={text?.Length}";
    }

    /// <summary>Whether the SMSC dropped the connection instead of answering the row's submit number <paramref name="index"/>.</summary>
    private static bool IsDropped(OutboundCase row, int index) => index < row.Script.Length && row.Script[index] == SmscAnswer.Drop;

    private static SmsTextOptions TextOptions(SmsOptions options) => new() { PackGsm7 = options.PackGsm7, AllowLatin1 = options.AllowLatin1 };

    private static string Cut(string text, int length) => text[..length];
}
