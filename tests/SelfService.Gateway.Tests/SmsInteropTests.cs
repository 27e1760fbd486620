using System.Net.Http.Json;
using System.Text.Json;
using SelfService.Gateway.Tests.Infrastructure;
using SelfService.Testing.Peers;

namespace SelfService.Gateway.Tests;

/// <summary>
/// The gateway as an ESME against an independent SMSC (the npm package smpp, tests/peers/smsc.js), on loopback:
/// bind, MO → reply, long Cyrillic both ways, receipts, enquire_link, a drop mid-load, throttling.
/// </summary>
public class SmsInteropTests
{
    private const string ShortCode = SmsGatewaySettings.ShortCode;
    private NodeSmsc _smsc = null!;
    private GatewayFactory _gateway = null!;
    private HttpClient _http = null!;

    [SetUp]
    public async Task Start()
    {
        _smsc = await NodeSmsc.StartAsync(new NodeSmscOptions { SystemId = "selfservice", Password = "secret" });
        _gateway = new GatewayFactory(SmsGatewaySettings.For(_smsc));
        _http = await _gateway.CreateLoopbackClientAsync();
        await _smsc.WaitForAsync("bind", timeout: TimeSpan.FromSeconds(15));
    }

    [TearDown]
    public async Task Stop()
    {
        _http.Dispose();
        _gateway.Dispose();
        await _smsc.DisposeAsync();
    }

    [Test]
    public void Bind_AsTransceiver_WithTheConfiguredSystemId()
    {
        var bind = _smsc.Events("bind").First();
        Assert.That(bind.GetProperty("mode").GetString(), Is.EqualTo("transceiver"));
        Assert.That(bind.GetProperty("system_id").GetString(), Is.EqualTo("selfservice"));
    }

    [Test]
    public async Task Balance_MoToMt_RoundTrip()
    {
        await _smsc.DeliverAsync("79161234567", ShortCode, "BAL");

        var reply = await ReplyToAsync("79161234567");

        Assert.That(reply.GetProperty("text").GetString(), Is.EqualTo("Баланс: 350,00 RUB. Тариф: Смарт."), "BAL carries no language: a Russian subscriber is answered in Russian");
        Assert.That(reply.GetProperty("source_addr").GetString(), Is.EqualTo(ShortCode));
        Assert.That(reply.GetProperty("dest_addr_ton").GetInt32(), Is.EqualTo(1));
        Assert.That(reply.GetProperty("registered_delivery").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task NaturalRequest_ActivatesAfterConfirmation()
    {
        await _smsc.DeliverAsync("79161234567", ShortCode, "turn on roaming please");
        var question = await ReplyToAsync("79161234567");
        await _smsc.DeliverAsync("79161234567", ShortCode, "yes");
        var done = (await _smsc.WaitForCountAsync("submit_sm", 2, e => e.StringOf("destination_addr") == "79161234567", TimeSpan.FromSeconds(15)))[1];

        Assert.That(question.GetProperty("text").GetString(), Does.StartWith("Activate Roaming?"), "English text is answered in English");
        Assert.That(done.GetProperty("text").GetString(), Does.StartWith("Услуга «Роуминг» подключена."), "YES carries no language: Ivan's own is Russian");
    }

    [Test]
    public async Task RequestForAPerson_InOwnWords_Queues()
    {
        await _smsc.DeliverAsync("79161234567", ShortCode, "can I talk to a real person please");

        var reply = await ReplyToAsync("79161234567");

        Assert.That(reply.GetProperty("text").GetString(), Does.StartWith("An operator will answer you here. You are number 1 in the queue"));
    }

    [Test]
    public async Task AmbiguousRequest_AsksWithNumberedChoices()
    {
        await _smsc.DeliverAsync("79161234567", ShortCode, "remove the bundle please");

        var text = (await ReplyToAsync("79161234567")).GetProperty("text").GetString();

        Assert.That(text, Does.Contain("1. Turn off").And.Contain("2. Turn off").And.Contain("300 SMS pack").And.Contain("Mobile internet 10 GB"));
    }

    /// <summary>Issue 12: an answer's links to other articles are numbered choices on SMS, and the digit gives the linked article.</summary>
    [Test]
    public async Task ArticleLinks_AreNumberedChoices_AndTwoGivesTheSecondLinkedArticle()
    {
        await _smsc.DeliverAsync("79031112233", ShortCode, "my mobile internet is not working");
        var answer = await WholeReplyAsync("79031112233", earlierParts: 0);

        await _smsc.DeliverAsync("79031112233", ShortCode, "2");
        var linked = await WholeReplyAsync("79031112233", earlierParts: answer.Parts);

        Assert.Multiple(() =>
        {
            Assert.That(answer.Text, Does.StartWith("Check your balance (BAL)")
                .And.EndWith("\n1. Mobile internet settings (APN)\n2. 4G and 5G coverage"));
            Assert.That(linked.Text, Does.StartWith("4G covers all towns in the region"));
        });
    }

    /// <summary>HELP on SMS is the short list of topics, whole, within the channel's parts (issue 12: it was cut mid-list).</summary>
    [TestCase("79161234567", "ПОМОЩЬ", "5.ДРУГОЕ - да/нет, меню, язык")]
    [TestCase("79031112233", "help please", "5.OTHER - yes/no, menu, language")]
    public async Task Help_FitsTheSmsPartsUncut_InBothLanguages(string msisdn, string help, string lastTopic)
    {
        await _smsc.DeliverAsync(new SmscDelivery(msisdn, ShortCode, help) { Encoding = SmscTextEncoding.Ucs2 });

        var first = await ReplyToAsync(msisdn);
        var total = first.TryGetProperty("udh", out var udh) && udh.ValueKind == JsonValueKind.Object ? udh.GetProperty("total").GetInt32() : 1;
        var parts = await _smsc.WaitForCountAsync("submit_sm", total, e => e.StringOf("destination_addr") == msisdn, TimeSpan.FromSeconds(15));
        var whole = string.Concat(parts.Select(p => p.GetProperty("text").GetString()));

        Assert.That(total, Is.LessThanOrEqualTo(new SelfService.Channels.Sms.SmsOptions().MaxParts));
        Assert.That(whole, Does.Contain("1.").And.EndWith(lastTopic), "every topic, none cut off");
    }

    [Test]
    public async Task LongCyrillic_BothWays_IsConcatenated()
    {
        // A long question in two UDH parts comes in; a long Russian help topic goes out in UDH parts.
        var question = "Здравствуйте! Подскажите пожалуйста, какие команды можно отправлять на короткий номер? Спасибо";
        await _smsc.DeliverAsync(new SmscDelivery("79265554433", ShortCode, "помощь " + question.Length) { Encoding = SmscTextEncoding.Ucs2 });
        await _smsc.DeliverAsync(new SmscDelivery("79031112233", ShortCode, "ПОМОЩЬ УСЛУГИ") { Encoding = SmscTextEncoding.Ucs2 });

        var parts = await _smsc.WaitForCountAsync("submit_sm", 2, e => e.StringOf("destination_addr") == "79031112233", TimeSpan.FromSeconds(15));
        var udh = parts.Select(p => p.GetProperty("udh")).ToList();
        Assert.That(udh.Select(u => u.GetProperty("ref").GetInt32()).Distinct().Count(), Is.EqualTo(1), "one reference for the whole message");
        Assert.That(udh.Select(u => u.GetProperty("seq").GetInt32()), Is.EqualTo(Enumerable.Range(1, udh.Count)));
        Assert.That(parts.All(p => p.GetProperty("data_coding").GetInt32() == 8), Is.True, "Cyrillic goes as UCS-2");
        var whole = string.Concat(parts.Select(p => p.GetProperty("text").GetString()));
        Assert.That(whole, Does.StartWith("УСЛУГИ: "));

        await _smsc.DeliverAsync(new SmscDelivery("79161234567", ShortCode, question)
        {
            Encoding = SmscTextEncoding.Ucs2, Concatenation = new SmscConcatenation(SmscConcatenationMode.Udh8) { Parts = 2 },
        });
        var answer = await ReplyToAsync("79161234567");
        Assert.That(answer.GetProperty("text").GetString(), Does.Not.StartWith("К сожалению"), "the reassembled question was understood (it asks for the commands: the HELP list)");
        var history = await _http.GetFromJsonAsync<JsonElement>("/api/customers?msisdn=%2B79161234567");
        var timeline = await _http.GetFromJsonAsync<JsonElement>($"/api/customers/{history.GetProperty("id").GetString()}/history");
        Assert.That(timeline.EnumerateArray().Select(e => e.GetProperty("text").GetString()), Does.Contain(question), "reassembled before processing");
    }

    [Test]
    public async Task DeliveryReceipt_WithDecimalIdForHexSubmitId_UpdatesTheOutboundMessage()
    {
        await _smsc.DeliverAsync("79161234567", ShortCode, "BAL");
        var reply = await ReplyToAsync("79161234567");
        var messageId = reply.GetProperty("message_id").GetString()!;

        await _smsc.ReceiptAsync(new SmscReceipt(messageId) { Stat = "DELIVRD", IdFormat = SmscReceiptIdFormat.Decimal });

        var outboxId = (await _http.GetFromJsonAsync<JsonElement>("/api/outbox?channel=sms&address=%2B79161234567"))[0].GetProperty("id").GetString();
        await Eventually(async () =>
        {
            var delivery = await _http.GetFromJsonAsync<JsonElement>($"/api/outbox/{outboxId}/delivery");
            return delivery.GetArrayLength() == 1 && delivery[0].GetProperty("deliveryState").GetString() == "DELIVRD";
        }, "the receipt to reach the outbound message");
    }

    [Test]
    public async Task EnquireLink_BothWays()
    {
        var fromSmsc = await _smsc.EnquireLinkAsync();
        Assert.That(fromSmsc.GetProperty("command_status").GetInt32(), Is.Zero);

        var fromGateway = await _smsc.WaitForAsync("enquire_link", timeout: TimeSpan.FromSeconds(5));
        Assert.That(fromGateway.GetProperty("session").ValueKind, Is.Not.EqualTo(JsonValueKind.Undefined));
    }

    [Test]
    public async Task SmscDropsMidLoad_EveryMessageAnsweredExactlyOnce()
    {
        const int customers = 40;
        var numbers = Enumerable.Range(0, customers).Select(i => "7999000" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        await _smsc.DropAfterSubmitsAsync(10);
        foreach (var number in numbers) await _smsc.DeliverAsync(number, ShortCode, "HELP");

        await _smsc.WaitForCountAsync("bind", 2, timeout: TimeSpan.FromSeconds(15));
        await Eventually(() => Task.FromResult(numbers.All(n => _smsc.Events("submit_sm").Any(e => e.StringOf("destination_addr") == n && e.NumberOf("command_status") == 0))),
            "every customer to get a reply", TimeSpan.FromSeconds(30));
        await OutboxSettled.WaitAsync(_http, "sms");

        // The help text takes several parts: count the first parts the SMSC accepted (its submit_sm_resp said Ok).
        // A submit the drop left unanswered was never accepted, and is submitted again after the rebind. (Had an
        // accepting answer been lost on the wire, the resubmission would be a duplicate no ESME can avoid; the peer
        // lets its answers out before it closes, as an SMSC going away does.)
        var perCustomer = numbers.ToDictionary(n => n, n => _smsc.Events("submit_sm").Count(e =>
            e.StringOf("destination_addr") == n && e.NumberOf("command_status") == 0
            && (!e.TryGetProperty("udh", out var udh) || udh.ValueKind != JsonValueKind.Object || udh.GetProperty("seq").GetInt32() == 1)));
        Assert.That(perCustomer.Where(p => p.Value != 1), Is.Empty, "each customer is answered exactly once");
    }

    [Test]
    public async Task Throttled_BacksOffAndDelivers()
    {
        await _smsc.ThrottleAsync(3);
        await _smsc.DeliverAsync("79161234567", ShortCode, "BAL");

        await Eventually(() => Task.FromResult(_smsc.Events("submit_sm").Any(e => e.StringOf("destination_addr") == "79161234567" && e.NumberOf("command_status") == 0)),
            "the reply to be accepted after the throttling");
        var attempts = _smsc.Events("submit_sm").Where(e => e.StringOf("destination_addr") == "79161234567").Select(e => e.NumberOf("command_status")).ToList();
        Assert.That(attempts, Is.EqualTo(new double?[] { 0x58, 0x58, 0x58, 0 }));
    }

    /// <summary>The next reply to <paramref name="msisdn"/> after <paramref name="earlierParts"/> submits, its parts joined.</summary>
    private async Task<(string Text, int Parts)> WholeReplyAsync(string msisdn, int earlierParts)
    {
        bool ToMsisdn(JsonElement e) => e.StringOf("destination_addr") == msisdn && e.NumberOf("command_status") is null or 0;
        var first = (await _smsc.WaitForCountAsync("submit_sm", earlierParts + 1, ToMsisdn, TimeSpan.FromSeconds(15)))[earlierParts];
        var total = first.TryGetProperty("udh", out var udh) && udh.ValueKind == JsonValueKind.Object ? udh.GetProperty("total").GetInt32() : 1;
        var parts = (await _smsc.WaitForCountAsync("submit_sm", earlierParts + total, ToMsisdn, TimeSpan.FromSeconds(15))).Skip(earlierParts);
        return (string.Concat(parts.Select(p => p.GetProperty("text").GetString())), total);
    }

    private async Task<JsonElement> ReplyToAsync(string msisdn) =>
        await _smsc.WaitForAsync("submit_sm", e => e.StringOf("destination_addr") == msisdn, TimeSpan.FromSeconds(15));

    private static async Task Eventually(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Timed out waiting for " + what);
            await Task.Delay(50);
        }
    }
}
