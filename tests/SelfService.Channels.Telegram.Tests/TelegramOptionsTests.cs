namespace SelfService.Channels.Telegram.Tests;

public class TelegramOptionsTests
{
    private const string Token = "123456789:AAHfakeTokenForTheBotApiPeer_0123456";

    [Test]
    public void Problems_Disabled_NoneWhateverTheRest()
    {
        Assert.That(new TelegramOptions { Enabled = false, Token = "nonsense", Mode = TelegramMode.Webhook }.Problems(), Is.Empty);
    }

    [Test]
    public void Problems_GoodPollingSettings_None()
    {
        Assert.That(new TelegramOptions { Enabled = true, Token = Token }.Problems(), Is.Empty);
    }

    [TestCase("", "Token")]
    [TestCase("123456789", "Token")]
    [TestCase("bot:AAHfakeTokenForTheBotApiPeer_0123456", "Token")]
    public void Problems_BadToken_NamesTheToken(string token, string setting)
    {
        Assert.That(new TelegramOptions { Enabled = true, Token = token }.Problems(), Has.One.Contains("Channels:Telegram:" + setting));
    }

    [Test]
    public void Problems_WebhookWithoutUrlOrSecret_NamesBoth()
    {
        var problems = new TelegramOptions { Enabled = true, Token = Token, Mode = TelegramMode.Webhook }.Problems();

        Assert.That(problems, Has.One.Contains("Channels:Telegram:WebhookUrl"));
        Assert.That(problems, Has.One.Contains("Channels:Telegram:WebhookSecret"));
    }

    [Test]
    public void Problems_SecretWithCharactersTelegramRefuses_NamesTheSecret()
    {
        var options = new TelegramOptions
        {
            Enabled = true, Token = Token, Mode = TelegramMode.Webhook, WebhookUrl = "https://gw.example/api/telegram/webhook", WebhookSecret = "no spaces!",
        };

        var problems = options.Problems();

        Assert.That(problems, Has.Count.EqualTo(1));
        Assert.That(problems[0], Does.Contain("Channels:Telegram:WebhookSecret"));
    }

    [Test]
    public void Problems_BadTimesAndUrls_EachNamed()
    {
        var options = new TelegramOptions
        {
            Enabled = true, Token = Token, ApiBaseUrl = "localhost:8081", PollingTimeout = TimeSpan.FromMilliseconds(1500),
            ReconnectMinDelay = TimeSpan.FromSeconds(5), ReconnectMaxDelay = TimeSpan.FromSeconds(1), RequestTimeout = TimeSpan.Zero,
        };

        var problems = options.Problems();

        foreach (var setting in new[] { "ApiBaseUrl", "PollingTimeout", "ReconnectMaxDelay", "RequestTimeout" })
            Assert.That(problems, Has.One.Contains("Channels:Telegram:" + setting), setting);
    }
}
