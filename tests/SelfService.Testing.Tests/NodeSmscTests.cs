using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using SelfService.Testing.Peers;

namespace SelfService.Testing.Tests;

/// <summary>
/// Proves the SMSC peer (tests/peers/smsc.js on the npm package smpp) and its fixture with an ESME written here from
/// raw bytes, so that the gateway's SMPP library can later be proven against something it had no hand in.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class NodeSmscTests
{
    private static readonly Encoding Ucs2 = Encoding.BigEndianUnicode;

    [Test]
    public async Task StartAsync_DefaultOptions_ListensOnRunTimePortOnLoopback()
    {
        await using var smsc = await NodeSmsc.StartAsync();

        var listening = smsc.Events("listening").Single();
        Assert.That(smsc.Port, Is.GreaterThan(0).And.Not.EqualTo(2775));
        Assert.That(listening.StringOf("host"), Is.EqualTo("127.0.0.1"));
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, smsc.Port);
        Assert.That(client.Connected, Is.True);
    }

    [Test]
    public async Task BindTransceiver_AnyCredentials_AcceptedAndReported()
    {
        await using var smsc = await NodeSmsc.StartAsync();
        await using var esme = await RawEsme.ConnectAsync(smsc.Port);

        var response = await esme.RequestAsync(SmppBytes.BindTransceiver, SmppBytes.BindBody("gateway", "pw1"));

        Assert.That(response.CommandId, Is.EqualTo(0x80000009u));
        Assert.That(response.CommandStatus, Is.Zero);
        var bind = await smsc.WaitForAsync("bind");
        Assert.That(bind.StringOf("mode"), Is.EqualTo("transceiver"));
        Assert.That(bind.StringOf("system_id"), Is.EqualTo("gateway"));
        Assert.That(bind.StringOf("password"), Is.EqualTo("pw1"));
        Assert.That(bind.NumberOf("session"), Is.GreaterThan(0));
    }

    [Test]
    public async Task BindTransceiver_WrongPasswordWhenCredentialsConfigured_RefusedWithBindFail()
    {
        await using var smsc = await NodeSmsc.StartAsync(new NodeSmscOptions { SystemId = "gateway", Password = "right" });
        await using var esme = await RawEsme.ConnectAsync(smsc.Port);

        var response = await esme.RequestAsync(SmppBytes.BindTransceiver, SmppBytes.BindBody("gateway", "wrong"));

        Assert.That(response.CommandStatus, Is.EqualTo(SmppBytes.StatusBindFailed));
        Assert.That(await esme.IsClosedBySmscAsync(TimeSpan.FromSeconds(2)), Is.True);
    }

    [Test]
    public async Task SubmitSm_GsmUnpacked_ReportsDecodedTextAndHexMessageId()
    {
        await using var smsc = await NodeSmsc.StartAsync();
        await using var esme = await RawEsme.BoundTransceiverAsync(smsc.Port);
        // "Hi @{}" in GSM 03.38, one septet per octet: '@' is 0x00, '{' and '}' are escapes 1B 28 and 1B 29.
        var gsm = Convert.FromHexString("4869200" + "01B281B29");

        var response = await esme.RequestAsync(SmppBytes.SubmitSm, SmppBytes.SubmitSmBody("100", "79001234567", 0x00, gsm));

        var messageId = response.FirstCString();
        Assert.That(response.CommandStatus, Is.Zero);
        Assert.That(messageId, Does.Match("^[0-9A-F]+$").And.Match("[A-F]"), "a hex id with letters, so receipts in decimal differ");
        var submit = await smsc.WaitForAsync("submit_sm");
        Assert.That(submit.StringOf("text"), Is.EqualTo("Hi @{}"));
        Assert.That(submit.StringOf("message_id"), Is.EqualTo(messageId));
        Assert.That(submit.StringOf("short_message_hex"), Is.EqualTo(Convert.ToHexStringLower(gsm)));
        Assert.That(submit.StringOf("source_addr"), Is.EqualTo("100"));
        Assert.That(submit.StringOf("destination_addr"), Is.EqualTo("79001234567"));
        Assert.That(submit.NumberOf("data_coding"), Is.Zero);
    }

    [Test]
    public async Task SubmitSm_Ucs2Cyrillic_ReportsDecodedText()
    {
        await using var smsc = await NodeSmsc.StartAsync();
        await using var esme = await RawEsme.BoundTransceiverAsync(smsc.Port);

        await esme.RequestAsync(SmppBytes.SubmitSm, SmppBytes.SubmitSmBody("100", "79001234567", 0x08, Ucs2.GetBytes("Баланс: 150 ₽")));

        var submit = await smsc.WaitForAsync("submit_sm");
        Assert.That(submit.StringOf("text"), Is.EqualTo("Баланс: 150 ₽"));
        Assert.That(submit.NumberOf("data_coding"), Is.EqualTo(8));
    }

    [Test]
    public async Task SubmitSm_GsmPackedOption_UnpacksSeptets()
    {
        await using var smsc = await NodeSmsc.StartAsync(new NodeSmscOptions { GsmPacked = true });
        await using var esme = await RawEsme.BoundTransceiverAsync(smsc.Port);

        // The textbook example of GSM 03.38 packing: "hellohello".
        await esme.RequestAsync(SmppBytes.SubmitSm, SmppBytes.SubmitSmBody("100", "200", 0x00, Convert.FromHexString("E8329BFD4697D9EC37")));

        Assert.That((await smsc.WaitForAsync("submit_sm")).StringOf("text"), Is.EqualTo("hellohello"));
    }

    [Test]
    public async Task SubmitSm_ConcatenatedPartWithUdh_ReportsUdhAndStripsIt()
    {
        await using var smsc = await NodeSmsc.StartAsync();
        await using var esme = await RawEsme.BoundTransceiverAsync(smsc.Port);
        byte[] udh = [0x06, 0x08, 0x04, 0x12, 0x34, 0x03, 0x02];

        await esme.RequestAsync(SmppBytes.SubmitSm,
            SmppBytes.SubmitSmBody("100", "200", 0x08, [.. udh, .. Ucs2.GetBytes("часть")], esmClass: 0x40));

        var submit = await smsc.WaitForAsync("submit_sm");
        Assert.That(submit.StringOf("text"), Is.EqualTo("часть"));
        var header = submit.GetProperty("udh");
        Assert.That(header.NumberOf("ref"), Is.EqualTo(0x1234));
        Assert.That(header.NumberOf("total"), Is.EqualTo(3));
        Assert.That(header.NumberOf("seq"), Is.EqualTo(2));
    }

    [Test]
    public async Task Deliver_CyrillicInTwoUdhParts_ArrivesAsTwoDeliverSm()
    {
        await using var smsc = await NodeSmsc.StartAsync();
        await using var esme = await RawEsme.BoundTransceiverAsync(smsc.Port);
        var text = "Здравствуйте! Ваш баланс пополнен на 300 рублей. Спасибо, что пользуетесь нашими услугами связи.";

        var id = await smsc.DeliverAsync(new SmscDelivery("79001234567", "100", text)
        {
            Encoding = SmscTextEncoding.Ucs2,
            Concatenation = new SmscConcatenation(SmscConcatenationMode.Udh8) { Reference = 0x2A },
        });

        var texts = new List<string>();
        for (var part = 1; part <= 2; part++)
        {
            var pdu = await esme.ReadAsync();
            Assert.That(pdu.CommandId, Is.EqualTo(SmppBytes.DeliverSm));
            var deliver = SmppBytes.ParseDeliverSm(pdu.Body);
            Assert.That(deliver.EsmClass & 0x40, Is.EqualTo(0x40), "UDHI");
            Assert.That(deliver.DataCoding, Is.EqualTo(8));
            Assert.That(deliver.Source, Is.EqualTo("79001234567"));
            Assert.That(deliver.ShortMessage[..6], Is.EqualTo(new byte[] { 0x05, 0x00, 0x03, 0x2A, 0x02, (byte)part }));
            texts.Add(Ucs2.GetString(deliver.ShortMessage, 6, deliver.ShortMessage.Length - 6));
            await esme.RespondAsync(pdu);
        }
        Assert.That(string.Concat(texts), Is.EqualTo(text));
        var responses = await smsc.WaitForCountAsync("deliver_sm_resp", 2, e => e.StringOf("id") == id);
        Assert.That(responses.Select(e => e.NumberOf("command_status")), Is.All.EqualTo(0));
    }

    [Test]
    public async Task Deliver_SarConcatenationWithSkippedPart_SendsOnlyTheOthersWithSarTlvs()
    {
        await using var smsc = await NodeSmsc.StartAsync();
        await using var esme = await RawEsme.BoundTransceiverAsync(smsc.Port);

        await smsc.DeliverAsync(new SmscDelivery("79001234567", "100", "one two three")
        {
            Concatenation = new SmscConcatenation(SmscConcatenationMode.Sar) { Reference = 0x0102, Parts = 3, SkipParts = [1] },
        });

        var first = SmppBytes.ParseDeliverSm((await esme.ReadAsync()).Body);
        var third = SmppBytes.ParseDeliverSm((await esme.ReadAsync()).Body);
        Assert.That(first.EsmClass & 0x40, Is.Zero, "no UDH with SAR");
        Assert.That(first.Tlvs[SmppBytes.TagSarMsgRefNum], Is.EqualTo(new byte[] { 0x01, 0x02 }));
        Assert.That(first.Tlvs[SmppBytes.TagSarTotalSegments], Is.EqualTo(new byte[] { 3 }));
        Assert.That(first.Tlvs[SmppBytes.TagSarSegmentSeqnum], Is.EqualTo(new byte[] { 1 }));
        Assert.That(third.Tlvs[SmppBytes.TagSarSegmentSeqnum], Is.EqualTo(new byte[] { 3 }));
        Assert.That(Encoding.ASCII.GetString(first.ShortMessage) + "|" + Encoding.ASCII.GetString(third.ShortMessage), Is.EqualTo("one t|ree"));
    }

    [TestCase("throttle", SmppBytes.StatusThrottled)]
    [TestCase("queue_full", SmppBytes.StatusQueueFull)]
    public async Task Throttle_OneSubmit_AnsweredWithStatusThenAccepted(string command, uint expectedStatus)
    {
        await using var smsc = await NodeSmsc.StartAsync();
        await using var esme = await RawEsme.BoundTransceiverAsync(smsc.Port);
        if (command == "throttle") await smsc.ThrottleAsync(1);
        else await smsc.QueueFullAsync(1);
        var body = SmppBytes.SubmitSmBody("100", "200", 0x00, "again"u8.ToArray());

        var refused = await esme.RequestAsync(SmppBytes.SubmitSm, body);
        var accepted = await esme.RequestAsync(SmppBytes.SubmitSm, body);

        Assert.That(refused.CommandStatus, Is.EqualTo(expectedStatus));
        Assert.That(accepted.CommandStatus, Is.Zero);
        var submits = await smsc.WaitForCountAsync("submit_sm", 2);
        Assert.That(submits[0].NumberOf("command_status"), Is.EqualTo(expectedStatus));
        Assert.That(submits[0].StringOf("message_id"), Is.Null);
        Assert.That(submits[1].StringOf("message_id"), Is.EqualTo(accepted.FirstCString()));
    }

    [Test]
    public async Task Drop_BoundSession_SocketClosedAndReported()
    {
        await using var smsc = await NodeSmsc.StartAsync();
        await using var esme = await RawEsme.BoundTransceiverAsync(smsc.Port);

        await smsc.DropAsync();

        Assert.That(await esme.IsClosedBySmscAsync(TimeSpan.FromSeconds(2)), Is.True);
        await smsc.WaitForAsync("closed");
        await using var again = await RawEsme.BoundTransceiverAsync(smsc.Port); // still listening
    }

    [Test]
    public async Task DropAfterSubmits_Second_LeavesItUnansweredAndCloses()
    {
        await using var smsc = await NodeSmsc.StartAsync();
        await using var esme = await RawEsme.BoundTransceiverAsync(smsc.Port);
        await smsc.DropAfterSubmitsAsync(2);
        var body = SmppBytes.SubmitSmBody("100", "200", 0x00, "x"u8.ToArray());

        var first = await esme.RequestAsync(SmppBytes.SubmitSm, body);
        await esme.SendAsync(SmppBytes.SubmitSm, body);

        Assert.That(first.CommandStatus, Is.Zero);
        Assert.That(await esme.IsClosedBySmscAsync(TimeSpan.FromSeconds(2)), Is.True);
        Assert.That((await smsc.WaitForCountAsync("submit_sm", 2))[1].StringOf("message_id"), Is.Null);
    }

    [Test]
    public async Task Receipt_DecimalIdFormat_CarriesDecimalValueOfHexSubmitId()
    {
        await using var smsc = await NodeSmsc.StartAsync();
        await using var esme = await RawEsme.BoundTransceiverAsync(smsc.Port);
        var response = await esme.RequestAsync(SmppBytes.SubmitSm,
            SmppBytes.SubmitSmBody("100", "79001234567", 0x00, "Hello"u8.ToArray(), registeredDelivery: 1));
        var hexId = response.FirstCString();

        var id = await smsc.ReceiptAsync(new SmscReceipt(hexId) { IdFormat = SmscReceiptIdFormat.Decimal });

        var pdu = await esme.ReadAsync();
        var receipt = SmppBytes.ParseDeliverSm(pdu.Body);
        var decimalId = long.Parse(hexId, NumberStyles.HexNumber, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        var text = Encoding.ASCII.GetString(receipt.ShortMessage);
        Assert.That(receipt.EsmClass & 0x04, Is.EqualTo(0x04), "SMSC delivery receipt");
        Assert.That(text, Does.StartWith($"id:{decimalId} ").And.Contain("stat:DELIVRD").And.Contain("text:Hello"));
        Assert.That(decimalId, Is.Not.EqualTo(hexId));
        Assert.That(receipt.Source, Is.EqualTo("79001234567"), "the handset, i.e. the submit's destination");
        Assert.That(receipt.Destination, Is.EqualTo("100"));
        await esme.RespondAsync(pdu);
        await smsc.WaitForAsync("deliver_sm_resp", e => e.StringOf("id") == id && e.NumberOf("command_status") == 0);
    }

    [Test]
    public async Task Receipt_TlvFormat_CarriesReceiptedMessageIdAndStateOnly()
    {
        await using var smsc = await NodeSmsc.StartAsync();
        await using var esme = await RawEsme.BoundTransceiverAsync(smsc.Port);
        var hexId = (await esme.RequestAsync(SmppBytes.SubmitSm, SmppBytes.SubmitSmBody("100", "200", 0x00, "x"u8.ToArray()))).FirstCString();

        await smsc.ReceiptAsync(new SmscReceipt(hexId) { Format = SmscReceiptFormat.Tlv, Stat = "UNDELIV" });

        var receipt = SmppBytes.ParseDeliverSm((await esme.ReadAsync()).Body);
        Assert.That(receipt.ShortMessage, Is.Empty);
        Assert.That(Encoding.ASCII.GetString(receipt.Tlvs[SmppBytes.TagReceiptedMessageId]), Is.EqualTo(hexId + "\0"));
        Assert.That(receipt.Tlvs[SmppBytes.TagMessageState], Is.EqualTo(new byte[] { 5 }), "UNDELIVERABLE");
    }

    [Test]
    public async Task Ussd_PssrIndication_CarriesServiceOpSessionInfoAndServiceType()
    {
        await using var smsc = await NodeSmsc.StartAsync();
        await using var esme = await RawEsme.BoundTransceiverAsync(smsc.Port);

        await smsc.UssdAsync(new SmscUssd("79001234567", "100", "*100#", Operation: 1) { SessionInfoHex = "0102" });

        var pdu = await esme.ReadAsync();
        var ussd = SmppBytes.ParseDeliverSm(pdu.Body);
        Assert.That(ussd.ServiceType, Is.EqualTo("USSD"));
        Assert.That(ussd.DataCoding, Is.EqualTo(0x0F));
        Assert.That(Encoding.ASCII.GetString(ussd.ShortMessage), Is.EqualTo("*100#"));
        Assert.That(ussd.Tlvs[SmppBytes.TagUssdServiceOp], Is.EqualTo(new byte[] { 1 }));
        Assert.That(ussd.Tlvs[SmppBytes.TagItsSessionInfo], Is.EqualTo(new byte[] { 0x01, 0x02 }));
        await esme.RespondAsync(pdu);

        // ...and the ESME's answer, a USSR request with the session ended (bit 0 of its_session_info).
        await esme.RequestAsync(SmppBytes.SubmitSm, SmppBytes.SubmitSmBody("100", "79001234567", 0x0F, "1. Balance"u8.ToArray(),
            tlvs: [(SmppBytes.TagUssdServiceOp, [2]), (SmppBytes.TagItsSessionInfo, [0x01, 0x03])]));
        var submit = await smsc.WaitForAsync("submit_sm");
        Assert.That(submit.NumberOf("ussd_service_op"), Is.EqualTo(2));
        Assert.That(submit.StringOf("its_session_info_hex"), Is.EqualTo("0103"));
        Assert.That(submit.StringOf("text"), Is.EqualTo("1. Balance"));
    }

    [Test]
    public async Task Drop_DeliverSmUnanswered_RedeliveredWhenEsmeRebinds()
    {
        await using var smsc = await NodeSmsc.StartAsync();
        await using var esme = await RawEsme.BoundTransceiverAsync(smsc.Port);
        var id = await smsc.DeliverAsync("79001234567", "100", "not lost");
        var unanswered = await esme.ReadAsync();

        await smsc.DropAsync();
        Assert.That(await esme.IsClosedBySmscAsync(TimeSpan.FromSeconds(2)), Is.True);
        await using var rebound = await RawEsme.BoundTransceiverAsync(smsc.Port);

        var again = await rebound.ReadAsync();
        Assert.That(again.CommandId, Is.EqualTo(SmppBytes.DeliverSm));
        Assert.That(again.Body, Is.EqualTo(unanswered.Body));
        await rebound.RespondAsync(again);
        await smsc.WaitForAsync("redelivered", e => e.StringOf("id") == id);
        await smsc.WaitForAsync("deliver_sm_resp", e => e.StringOf("id") == id && e.NumberOf("command_status") == 0);
    }

    [Test]
    public async Task EnquireLink_BothDirections_Answered()
    {
        await using var smsc = await NodeSmsc.StartAsync();
        await using var esme = await RawEsme.BoundTransceiverAsync(smsc.Port);

        var fromEsme = await esme.RequestAsync(SmppBytes.EnquireLink, []);
        var enquireTask = smsc.EnquireLinkAsync();
        var fromSmsc = await esme.ReadAsync();
        await esme.RespondAsync(fromSmsc);
        var reported = await enquireTask;

        Assert.That(fromEsme.CommandStatus, Is.Zero);
        Assert.That(fromSmsc.CommandId, Is.EqualTo(SmppBytes.EnquireLink));
        Assert.That(reported.NumberOf("command_status"), Is.Zero);
        await smsc.WaitForAsync("enquire_link");
    }

    [Test]
    public async Task UnknownCommand_AnsweredWithGenericNack_SessionKept()
    {
        await using var smsc = await NodeSmsc.StartAsync();
        await using var esme = await RawEsme.BoundTransceiverAsync(smsc.Port);

        var nack = await esme.RequestAsync(0x00000077, [1, 2, 3]);
        var stillThere = await esme.RequestAsync(SmppBytes.EnquireLink, []);

        Assert.That(nack.CommandId, Is.EqualTo(SmppBytes.GenericNack));
        Assert.That(nack.CommandStatus, Is.EqualTo(SmppBytes.StatusInvalidCommandId));
        Assert.That(stillThere.CommandStatus, Is.Zero);
    }

    [Test]
    public async Task SubmitSm_FiveThousandPipelined_AllAnsweredWithinSeconds()
    {
        const int count = 5000;
        await using var smsc = await NodeSmsc.StartAsync();
        await using var esme = await RawEsme.BoundTransceiverAsync(smsc.Port);
        var stopwatch = Stopwatch.StartNew();

        var writer = Task.Run(async () =>
        {
            for (var i = 0; i < count; i++)
                await esme.SendAsync(SmppBytes.SubmitSm, SmppBytes.SubmitSmBody("100", "200", 0x00, Encoding.ASCII.GetBytes("load " + i)));
        });
        var accepted = 0;
        for (var i = 0; i < count; i++)
            if ((await esme.ReadAsync()).CommandStatus == 0) accepted++;
        await writer;

        Assert.That(accepted, Is.EqualTo(count));
        Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)), "at least 1,000 submit_sm/s");
        await smsc.WaitForCountAsync("submit_sm", count);
        var stats = await smsc.StatsAsync();
        Assert.That(stats.NumberOf("submits"), Is.EqualTo(count));
    }

    [Test]
    public async Task SendCommandAsync_UnknownCommand_ThrowsAndPeerCarriesOn()
    {
        await using var smsc = await NodeSmsc.StartAsync();

        await Assert.ThatAsync(() => smsc.SendCommandAsync("no_such_command"),
            Throws.TypeOf<NodeSmscException>().With.Message.Contains("unknown command"));
        await Assert.ThatAsync(() => smsc.DeliverAsync("1", "2", "кириллица в GSM"),
            Throws.TypeOf<NodeSmscException>().With.Message.Contains("GSM 03.38"));

        Assert.That((await smsc.StatsAsync()).NumberOf("binds"), Is.Zero);
    }

    [Test]
    public async Task StartAsync_PortInUse_FailsWithThePeersError()
    {
        using var occupier = new TcpListener(IPAddress.Loopback, 0);
        occupier.Start();
        var port = ((IPEndPoint)occupier.LocalEndpoint).Port;

        await Assert.ThatAsync(() => NodeSmsc.StartAsync(new NodeSmscOptions { Port = port }),
            Throws.TypeOf<NodeSmscException>().With.Message.Contains("EADDRINUSE"));
    }

    [Test]
    public async Task StartAsync_NodeMissing_FailsWithClearMessage()
    {
        await Assert.ThatAsync(() => NodeSmsc.StartAsync(new NodeSmscOptions { NodeExecutable = "/nonexistent/node" }),
            Throws.TypeOf<NodeSmscException>().With.Message.Contains("/nonexistent/node").And.Message.Contains("PATH"));
    }

    [Test]
    public async Task DisposeAsync_Running_NodeProcessGone()
    {
        var smsc = await NodeSmsc.StartAsync();
        var processId = smsc.ProcessId;

        await smsc.DisposeAsync();

        Assert.That(IsRunning(processId), Is.False);
        Assert.That(smsc.Events("bye"), Has.Count.EqualTo(1));
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
