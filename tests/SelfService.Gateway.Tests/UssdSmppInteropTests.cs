using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SelfService.Gateway.Tests.Infrastructure;
using SelfService.Testing.Peers;

namespace SelfService.Gateway.Tests;

/// <summary>
/// USSD over SMPP: the gateway binds to an independent SMSC (the npm package smpp, tests/peers/smsc.js) that sends
/// deliver_sm with ussd_service_op and its_session_info, and reads back the submit_sm the gateway answers with.
/// its_session_info is two octets: the session number, then the sequence number (bits 7-1) and the end flag (bit 0);
/// the subscriber's inputs here are numbered 0, 2, 4... and the gateway's answers 1, 3, 5...
/// </summary>
public class UssdSmppInteropTests
{
    private const string Subscriber = "79161234567";
    private const string ServiceNumber = "100";
    private const int PssdIndication = 0, PssrIndication = 1, UssrRequest = 2, PssdResponse = 16, PssrResponse = 17, UssrConfirm = 18;
    private const int Ucs2 = 8, GsmUssd = 0x0F;
    private const string MainMenu = "Северный Телеком\n1.Баланс\n2.Услуги\n3.Подключить\n4.Отключить\n5.Оператор";

    private const string HttpApiKey = "aggregator-secret-0123456789";

    private readonly ShiftableClock _clock = new();
    private NodeSmsc _smsc = null!;
    private GatewayFactory _gateway = null!;
    private WebApplicationFactory<Program> _host = null!;
    private HttpClient _http = null!;

    [SetUp]
    public async Task Start()
    {
        _smsc = await NodeSmsc.StartAsync(new NodeSmscOptions { SystemId = "selfussd", Password = "ussdpw" });
        _gateway = new GatewayFactory(new Dictionary<string, string?>
        {
            ["Channels:Ussd:Smpp:Enabled"] = "true",
            ["Channels:Ussd:HttpEnabled"] = "true",
            ["Channels:Ussd:ApiKey"] = HttpApiKey,
            ["Channels:Ussd:Smpp:Connection:Host"] = "127.0.0.1",
            ["Channels:Ussd:Smpp:Connection:Port"] = _smsc.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Channels:Ussd:Smpp:Connection:SystemId"] = "selfussd",
            ["Channels:Ussd:Smpp:Connection:Password"] = "ussdpw",
            ["Channels:Ussd:Smpp:Connection:ReconnectMinDelay"] = "00:00:00.200",
            ["Channels:Ussd:Smpp:Connection:ReconnectMaxDelay"] = "00:00:01",
            // A throttled reply comes back to the outbox at once, so that the timeout test can hold a reply back.
            ["Channels:Ussd:Smpp:Connection:MaxThrottledRetries"] = "0",
            ["Channels:Ussd:Smpp:Connection:ThrottledBackoff"] = "00:00:00.100",
            ["Channels:Ussd:Smpp:Connection:ThrottledBackoffMax"] = "00:00:00.500",
            ["AccessPolicies:MessagesPerMinute"] = "1000",
        });
        // The gateway's clock, so that session expiry is tested by moving time rather than by waiting for it.
        _host = _gateway.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(_clock)));
        // WithWebHostBuilder hosts the gateway on a TestServer: the HTTP callback is reached in memory, the SMSC over loopback.
        _http = ((TestServer)_host.Services.GetRequiredService<IServer>()).CreateClient();
        _http.DefaultRequestHeaders.Authorization = new("Bearer", await TestStaff.IssueTokenAsync(_host.Services, "test-admin", SelfService.Staff.StaffRoles.Admin));
        await _smsc.WaitForAsync("bind", timeout: TimeSpan.FromSeconds(15));
    }

    [TearDown]
    public async Task Stop()
    {
        _http?.Dispose();
        if (_host is not null) await _host.DisposeAsync();
        _gateway?.Dispose();
        if (_smsc is not null) await _smsc.DisposeAsync();
    }

    [Test]
    public void Bind_TheUssdAccount_IsTheOnlyBind()
    {
        var binds = _smsc.Events("bind");
        Assert.That(binds, Has.Count.EqualTo(1), "the SMS channel is off: the USSD transport is the only ESME");
        Assert.That(binds[0].StringOf("mode"), Is.EqualTo("transceiver"));
        Assert.That(binds[0].StringOf("system_id"), Is.EqualTo("selfussd"));
        Assert.That(binds[0].NumberOf("command_status"), Is.Zero);
    }

    [Test]
    public async Task MenuSession_FourSteps_ActivatesRoamingAndEndsWithPssrResponse()
    {
        await SendAsync(PssrIndication, "2a00", "*100#");
        var menu = await ScreenAsync("2a02");
        AssertScreen(menu, UssrRequest, MainMenu);
        Assert.That(menu.NumberOf("data_coding"), Is.EqualTo(Ucs2), "Cyrillic goes as UCS-2");
        Assert.That(menu.StringOf("service_type"), Is.EqualTo("USSD"));
        Assert.That(menu.StringOf("source_addr"), Is.EqualTo(ServiceNumber), "the answer comes from what the subscriber reached");
        Assert.That(menu.StringOf("destination_addr"), Is.EqualTo(Subscriber));

        await SendAsync(UssrConfirm, "2a04", "3");
        AssertScreen(await ScreenAsync("2a06"), UssrRequest, "Подключить\n1.Роуминг\n2.Интернет 10 ГБ\n3.Пакет SMS\n4.Определитель\n5.Гудок");

        await SendAsync(UssrConfirm, "2a08", "1");
        var confirm = await ScreenAsync("2a0a");
        Assert.That(confirm.NumberOf("ussd_service_op"), Is.EqualTo(UssrRequest));
        Assert.That(confirm.StringOf("text"), Does.StartWith("Подключить «Роуминг»? Подключение 0,00 RUB, далее 99,00 RUB"));
        Assert.That(confirm.StringOf("text"), Does.EndWith("\n1. ДА\n2. НЕТ"));

        await SendAsync(UssrConfirm, "2a0c", "1");
        // Sequence 7 with the end flag: 7 << 1 | 1 = 0x0F.
        AssertScreen(await ScreenAsync("2a0f"), PssrResponse, "Услуга «Роуминг» подключена. Списано 0,00 RUB. Баланс: 350,00 RUB.");

        Assert.That(_smsc.Events("deliver_sm_resp").Select(e => e.NumberOf("command_status")), Is.EqualTo(new long?[] { 0, 0, 0, 0 }));
        Assert.That(SubmitsTo(Subscriber), Has.Count.EqualTo(4), "one answer per input");
    }

    [Test]
    public async Task RedeliveredIndication_RunsOnce()
    {
        // The same PSSR indication twice, as an SMSC sends it again when it misses the deliver_sm_resp.
        var first = await SendAsync(PssrIndication, "3100", "*100#");
        var again = await SendAsync(PssrIndication, "3100", "*100#");
        AssertScreen(await ScreenAsync("3102"), UssrRequest, MainMenu);

        await SendAsync(UssrConfirm, "3104", "1");
        AssertScreen(await ScreenAsync("3107"), PssrResponse, "Баланс: 350,00 RUB. Тариф: Смарт.");

        foreach (var id in new[] { first, again })
            Assert.That((await _smsc.WaitForAsync("deliver_sm_resp", e => e.StringOf("id") == id)).NumberOf("command_status"), Is.Zero);
        // Messages of one sender run in order: a second run of the indication would have answered before the balance.
        Assert.That(SubmitsTo(Subscriber).Select(e => e.StringOf("its_session_info_hex")), Is.EqualTo(new[] { "3102", "3107" }));
        var customer = await _http.GetFromJsonAsync<JsonElement>("/api/customers?msisdn=%2B79161234567");
        var history = await _http.GetFromJsonAsync<JsonElement>($"/api/customers/{customer.GetProperty("id").GetString()}/history");
        Assert.That(history.EnumerateArray().Count(e => e.StringOf("text") == "*100#"), Is.EqualTo(1), "the redelivery was recognised as one message");
    }

    [Test]
    public async Task BackAndExit_ZeroGoesBack_DoubleZeroEndsWithGoodbye()
    {
        await SendAsync(PssrIndication, "4400", "*100#");
        AssertScreen(await ScreenAsync("4402"), UssrRequest, MainMenu);

        await SendAsync(UssrConfirm, "4404", "4");
        AssertScreen(await ScreenAsync("4406"), UssrRequest, "Отключить\n1.Роуминг\n2.Интернет 10 ГБ\n3.Пакет SMS\n4.Определитель\n5.Гудок");

        await SendAsync(UssrConfirm, "4408", "0");
        AssertScreen(await ScreenAsync("440a"), UssrRequest, MainMenu);

        await SendAsync(UssrConfirm, "440c", "00");
        AssertScreen(await ScreenAsync("440f"), PssrResponse, "Спасибо! До свидания.");
    }

    [Test]
    public async Task TypedCommand_FromAnEnglishSubscriber_AnsweredInGsm7AndEnds()
    {
        // The subscriber record says English: the menu and the answer come in English, and English fits GSM-7.
        const string english = "79998887766";
        await SendAsync(PssrIndication, "4800", "*100#", english);
        Assert.That((await ScreenAsync("4802", english)).StringOf("text"), Does.StartWith("Northern Telecom"));

        await SendAsync(UssrConfirm, "4804", "BAL", english);

        var answer = await ScreenAsync("4807", english);
        AssertScreen(answer, PssrResponse, "Balance: 50.00 RUB. Tariff: Basic.");
        Assert.That(answer.NumberOf("data_coding"), Is.EqualTo(GsmUssd), "GSM text goes as 0x0F, the USSD coding of the default alphabet");
    }

    [Test]
    public async Task PssdIndication_GetsOnePssdResponseThatEnds()
    {
        await SendAsync(PssdIndication, "5500", "*100*1#");

        var answer = await ScreenAsync("5503");
        Assert.That(answer.NumberOf("ussd_service_op"), Is.EqualTo(PssdResponse));
        Assert.That(answer.StringOf("text"), Does.StartWith("Баланс\n1."));
    }

    [Test]
    public async Task SmppSession_AlongsideHttpSession_NeitherDisturbsTheOther()
    {
        await SendAsync(PssrIndication, "6600", "*100#");
        AssertScreen(await ScreenAsync("6602"), UssrRequest, MainMenu);

        Assert.That(await CallHttpAsync("h1", ""), Is.EqualTo("CON " + MainMenu));
        await SendAsync(UssrConfirm, "6604", "1");
        Assert.That(await CallHttpAsync("h1", "1"), Is.EqualTo("END Баланс: 5,00 RUB. Тариф: Базовый."));
        AssertScreen(await ScreenAsync("6607"), PssrResponse, "Баланс: 350,00 RUB. Тариф: Смарт.");

        Assert.That(SubmitsTo("79031112233"), Is.Empty, "HTTP answers go back in the HTTP response");
        Assert.That(SubmitsTo(Subscriber), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task ReplyLaterThanTheSessionTimeout_FailsWithoutReachingTheSubscriber()
    {
        // The SMSC refuses every submit for now, so the menu stays in the outbox, retried, while time passes.
        await _smsc.ThrottleAsync(1000);
        await SendAsync(PssrIndication, "7700", "*100#");
        await _smsc.WaitForAsync("submit_sm", e => e.StringOf("its_session_info_hex") == "7702" && e.NumberOf("command_status") == 0x58);

        _clock.Advance(TimeSpan.FromMinutes(3) + TimeSpan.FromSeconds(1));

        var outbox = await EventuallyAsync(async () =>
        {
            var records = await _http.GetFromJsonAsync<JsonElement>("/api/outbox?channel=ussd&address=%2B79161234567");
            return records.EnumerateArray().FirstOrDefault(r => r.StringOf("state") == "Failed");
        }, "the reply to fail");
        Assert.That(outbox.StringOf("lastError"), Does.Contain("timed out"));
        Assert.That(SubmitsTo(Subscriber).Where(e => e.NumberOf("command_status") == 0), Is.Empty, "nothing reached the subscriber");
    }

    private Task<string> SendAsync(int operation, string itsSessionInfoHex, string text, string from = Subscriber) =>
        _smsc.UssdAsync(new SmscUssd(from, ServiceNumber, text, operation) { SessionInfoHex = itsSessionInfoHex });

    /// <summary>The gateway's submit_sm carrying this its_session_info, accepted by the SMSC.</summary>
    private Task<JsonElement> ScreenAsync(string itsSessionInfoHex, string to = Subscriber) =>
        _smsc.WaitForAsync("submit_sm", e => e.StringOf("destination_addr") == to && e.StringOf("its_session_info_hex") == itsSessionInfoHex
            && e.NumberOf("command_status") == 0, TimeSpan.FromSeconds(15));

    private static void AssertScreen(JsonElement submit, int operation, string text)
    {
        Assert.That(submit.NumberOf("ussd_service_op"), Is.EqualTo(operation), "ussd_service_op");
        Assert.That(submit.StringOf("text"), Is.EqualTo(text));
    }

    private List<JsonElement> SubmitsTo(string msisdn) =>
        _smsc.Events("submit_sm").Where(e => e.StringOf("destination_addr") == msisdn).ToList();

    private async Task<string> CallHttpAsync(string sessionId, string text)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ussd/callback")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["sessionId"] = sessionId, ["serviceCode"] = "*100#", ["phoneNumber"] = "+79031112233", ["networkCode"] = "25001", ["text"] = text,
            }),
        };
        request.Headers.Add("X-Api-Key", HttpApiKey);
        using var response = await _http.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<JsonElement> EventuallyAsync(Func<Task<JsonElement>> find, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            var found = await find();
            if (found.ValueKind != JsonValueKind.Undefined) return found;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Timed out waiting for " + what);
            await Task.Delay(50);
        }
    }

    /// <summary>The system clock, moved forward on demand; timers and timestamps stay real.</summary>
    private sealed class ShiftableClock : TimeProvider
    {
        private long _offsetTicks;

        public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
    }
}
