using System.Text.Json;
using SelfService.Gateway.Tests.Infrastructure;
using SelfService.Testing.Peers;

namespace SelfService.Gateway.Tests;

/// <summary>
/// USSD on the SMS bind: many SMSCs deliver USSD on the same bind as SMS, marked by ussd_service_op. With
/// Channels:Ussd:Smpp:OnSmsBind the gateway opens one bind (the SMS one) to the independent SMSC (the npm package smpp),
/// answers USSD there with the right ussd_service_op and its_session_info, and answers SMS on it as before.
/// </summary>
public class UssdOnSmsBindTests
{
    private const string Subscriber = "79161234567";
    private const string ServiceNumber = "100";
    private const int PssrIndication = 1, UssrRequest = 2, PssrResponse = 17, UssrConfirm = 18;
    private const string MainMenu = "Северный Телеком\n1.Баланс\n2.Услуги\n3.Подключить\n4.Отключить\n5.Оператор";

    private NodeSmsc _smsc = null!;
    private GatewayFactory _gateway = null!;

    [SetUp]
    public async Task Start()
    {
        _smsc = await NodeSmsc.StartAsync(new NodeSmscOptions { SystemId = "selfsms", Password = "smspw" });
        _gateway = new GatewayFactory(new Dictionary<string, string?>
        {
            ["Channels:Sms:Enabled"] = "true",
            ["Channels:Sms:Smpp:Host"] = "127.0.0.1",
            ["Channels:Sms:Smpp:Port"] = _smsc.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Channels:Sms:Smpp:SystemId"] = "selfsms",
            ["Channels:Sms:Smpp:Password"] = "smspw",
            ["Channels:Ussd:Smpp:Enabled"] = "true",
            ["Channels:Ussd:Smpp:OnSmsBind"] = "true",
            ["AccessPolicies:MessagesPerMinute"] = "1000",
        });
        _gateway.StartServer();
        await _smsc.WaitForAsync("bind", timeout: TimeSpan.FromSeconds(15));
    }

    [TearDown]
    public async Task Stop()
    {
        if (_gateway is not null) await _gateway.DisposeAsync();
        if (_smsc is not null) await _smsc.DisposeAsync();
    }

    [Test]
    public async Task MenuSession_OnTheSmsBind_IsAnsweredThereAsUssd()
    {
        await UssdAsync(PssrIndication, "2a00", "*100#");
        var menu = await ScreenAsync("2a02");
        Assert.That(menu.NumberOf("ussd_service_op"), Is.EqualTo(UssrRequest), "the menu continues the session");
        Assert.That(menu.StringOf("text"), Is.EqualTo(MainMenu));
        Assert.That(menu.StringOf("source_addr"), Is.EqualTo(ServiceNumber), "the answer comes from what the subscriber reached");

        await UssdAsync(UssrConfirm, "2a04", "1");
        var balance = await ScreenAsync("2a07");
        Assert.That(balance.NumberOf("ussd_service_op"), Is.EqualTo(PssrResponse), "an answer without choices ends the session");
        Assert.That(balance.StringOf("text"), Is.EqualTo("Баланс: 350,00 RUB. Тариф: Смарт."));

        var binds = _smsc.Events("bind");
        Assert.That(binds, Has.Count.EqualTo(1), "USSD opens no bind of its own");
        Assert.That(binds[0].StringOf("system_id"), Is.EqualTo("selfsms"));
        Assert.That(_smsc.Events("deliver_sm_resp").Select(e => e.NumberOf("command_status")), Is.EqualTo(new long?[] { 0, 0 }));
    }

    [Test]
    public async Task SmsOnTheSameBind_IsStillAnsweredAsSms()
    {
        await UssdAsync(PssrIndication, "3300", "*100#");
        await ScreenAsync("3302");

        await _smsc.DeliverAsync(Subscriber, "1212", "BAL");
        var sms = await _smsc.WaitForAsync("submit_sm", e => e.StringOf("destination_addr") == Subscriber
            && e.StringOf("source_addr") == "1212" && e.NumberOf("command_status") == 0, TimeSpan.FromSeconds(15));

        Assert.That(sms.NumberOf("ussd_service_op"), Is.Null, "an SMS answer carries no ussd_service_op");
        // The words' language is the understanding layer's business (a bare BAL is language-neutral); the balance is what counts here.
        Assert.That(sms.StringOf("text"), Does.Match("350[.,]00 RUB"));
    }

    private Task<string> UssdAsync(int operation, string itsSessionInfoHex, string text) =>
        _smsc.UssdAsync(new SmscUssd(Subscriber, ServiceNumber, text, operation) { SessionInfoHex = itsSessionInfoHex });

    /// <summary>The gateway's submit_sm carrying this its_session_info, accepted by the SMSC.</summary>
    private Task<JsonElement> ScreenAsync(string itsSessionInfoHex) =>
        _smsc.WaitForAsync("submit_sm", e => e.StringOf("destination_addr") == Subscriber && e.StringOf("its_session_info_hex") == itsSessionInfoHex
            && e.NumberOf("command_status") == 0, TimeSpan.FromSeconds(15));
}
