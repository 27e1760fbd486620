using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using SelfService.Gateway.Tests.DirectLine;
using SelfService.Gateway.Tests.Infrastructure;
using SelfService.Gateway.Tests.Telegram;
using SelfService.Testing.Peers.Mail;
using SelfService.Testing.Peers.Telegram;

namespace SelfService.Gateway.Tests;

/// <summary>
/// One customer, Иван (+79161234567), writes by email, then in Telegram, then in Microsoft Web Chat over Direct Line, each
/// against its real peer; his profile then shows the three channels linked and his history one timeline across them.
/// </summary>
public class OneCustomerAcrossChannelsTests : DirectLineGatewayTest
{
    private const string Msisdn = "+79161234567";
    private const string SpecialAddress = "selfservice@gateway.test";
    private static readonly TelegramUser IvanInTelegram = new(700111, "Иван", "ru");

    private MailPeers _mail = null!;
    private MailUser _ivanByEmail = null!;
    private TelegramBotApiPeer _telegram = null!;

    [OneTimeSetUp]
    public async Task StartPeers()
    {
        var options = new MailPeersOptions();
        options.Accounts.Add(new MailAccount(SpecialAddress, "gateway-secret"));
        options.Accounts.Add(new MailAccount("ivan@customers.test", "ivan-secret"));
        _mail = await MailPeers.StartAsync(options);
        _ivanByEmail = new MailUser(_mail, _mail.Account("ivan@customers.test"));
        _telegram = await TelegramBotApiPeer.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopPeers()
    {
        await _telegram.DisposeAsync();
        await _mail.DisposeAsync();
    }

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            var port = (int p) => p.ToString(CultureInfo.InvariantCulture);
            settings["Channels:Email:Enabled"] = "true";
            settings["Channels:Email:Address"] = SpecialAddress;
            settings["Channels:Email:Imap:Host"] = _mail.Host;
            settings["Channels:Email:Imap:Port"] = port(_mail.ImapPort);
            settings["Channels:Email:Imap:Security"] = "None";
            settings["Channels:Email:Imap:UserName"] = SpecialAddress;
            settings["Channels:Email:Imap:Password"] = "gateway-secret";
            settings["Channels:Email:Smtp:Host"] = _mail.Host;
            settings["Channels:Email:Smtp:Port"] = port(_mail.SmtpPort);
            settings["Channels:Email:Smtp:Security"] = "None";
            settings["Channels:Email:Smtp:UserName"] = SpecialAddress;
            settings["Channels:Email:Smtp:Password"] = "gateway-secret";
            settings["Channels:Telegram:Enabled"] = "true";
            settings["Channels:Telegram:Token"] = _telegram.Token;
            settings["Channels:Telegram:ApiBaseUrl"] = _telegram.BaseUrl.ToString();
            settings["Channels:Telegram:PollingTimeout"] = "00:00:05";
            return settings;
        }
    }

    [Test]
    public async Task EmailTelegramAndWebChat_OneProfile_OneTimeline()
    {
        // Email: linked by a one-time code sent to the phone, then the balance.
        await EmailAsync("LINK " + Msisdn);
        Assert.That(await TextOf(await EmailAsync(await OneTimeCodes.ReadAsync(Http, Msisdn))), Does.Contain("linked"));
        Assert.That(await TextOf(await EmailAsync("BAL")), Does.Contain("350,00"), "BAL is answered in Ivan's own language");

        // Telegram: linked by sharing his own contact, then the balance.
        var telegram = new TelegramConversation(_telegram, IvanInTelegram);
        Assert.That((await telegram.ShareOwnContactAsync("79161234567")).Text, Does.StartWith("Готово: чат привязан"));
        Assert.That((await telegram.SayAsync("/balance")).Text, Does.StartWith("Баланс: 350,00 RUB"));

        // Microsoft Web Chat's protocol: linked by a one-time code, then the balance.
        var (conversationId, token) = await NewConversationAsync();
        await SayOnDirectLineAsync(conversationId, token, "ПРИВЯЗАТЬ " + Msisdn);
        await SayOnDirectLineAsync(conversationId, token, await OneTimeCodes.ReadAsync(Http, Msisdn));
        Assert.That(await SayOnDirectLineAsync(conversationId, token, "БАЛАНС"), Does.StartWith("Баланс: 350,00 RUB"));

        var profile = await Http.GetFromJsonAsync<JsonElement>("/api/customers?msisdn=" + Uri.EscapeDataString(Msisdn));
        var identities = profile.GetProperty("identities").EnumerateArray()
            .Select(i => (Channel: i.GetProperty("channel").GetString(), Address: i.GetProperty("address").GetString())).ToList();
        Assert.That(identities, Does.Contain(("email", "ivan@customers.test")));
        Assert.That(identities, Does.Contain(("telegram", IvanInTelegram.ChatId.ToString(CultureInfo.InvariantCulture))));
        Assert.That(identities, Does.Contain(("directline", conversationId)));

        var history = (await Http.GetFromJsonAsync<JsonElement>($"/api/customers/{profile.GetProperty("id").GetString()}/history"))
            .EnumerateArray().ToList();
        var channels = history.Select(e => e.GetProperty("channel").GetString()).ToList();
        Assert.That(channels.Distinct(), Is.SupersetOf(new[] { "email", "telegram", "directline" }));
        var times = history.Select(e => e.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.That(times, Is.Ordered, "one timeline, oldest first");
        Assert.That(channels.IndexOf("email"), Is.LessThan(channels.IndexOf("telegram")));
        Assert.That(channels.LastIndexOf("telegram"), Is.LessThan(channels.IndexOf("directline")));
        Assert.That(history.Select(e => e.GetProperty("text").GetString()), Does.Contain("BAL").And.Contain("БАЛ").And.Contain("БАЛАНС"), "/balance reaches the processor as the catalogue's БАЛ");
    }

    private async Task<MimeKit.MimeMessage> EmailAsync(string subject)
    {
        var messageId = await _ivanByEmail.SendAsync(_ivanByEmail.Compose(SpecialAddress, subject, ""));
        return await _ivanByEmail.WaitForReplyToAsync(messageId, TimeSpan.FromSeconds(20));
    }

    private static Task<string> TextOf(MimeKit.MimeMessage reply) => Task.FromResult(reply.TextBody ?? "");

    private async Task<string> SayOnDirectLineAsync(string conversationId, string token, string text)
    {
        using var posted = await PostActivityAsync(conversationId, token, Message(text));
        posted.EnsureSuccessStatusCode();
        var id = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        return (await ReplyToAsync(conversationId, token, id)).GetProperty("text").GetString()!;
    }
}
