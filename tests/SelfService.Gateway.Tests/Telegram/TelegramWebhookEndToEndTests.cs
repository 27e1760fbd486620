using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using SelfService.Gateway.Tests.Infrastructure;
using SelfService.Testing;
using SelfService.Testing.Peers.Telegram;

namespace SelfService.Gateway.Tests.Telegram;

/// <summary>
/// The gateway in webhook mode, as its own process: it registers its webhook with the secret at start, and the Bot API
/// peer posts every update to it. Requests without the secret, or with a wrong one, are refused.
/// </summary>
public class TelegramWebhookEndToEndTests
{
    private const string Secret = "webhook-secret_0123456789";
    private static readonly TelegramUser Olga = new(710001, "Ольга", "ru");
    private static readonly TelegramUser Peter = new(710002, "Peter", "en");

    private TemporaryFolder _folder = null!;
    private TelegramBotApiPeer _telegram = null!;
    private GatewayProcess _gateway = null!;
    private HttpClient _http = null!;
    private string _webhookUrl = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _folder = new TemporaryFolder();
        _telegram = await TelegramBotApiPeer.StartAsync();
        // The webhook address must be known before the gateway starts, so its port is picked here (and freed at once).
        var port = FreeLoopbackPort();
        var address = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        _webhookUrl = address + "/api/telegram/webhook";
        _gateway = await GatewayProcess.StartAsync(new Dictionary<string, string>
        {
            ["urls"] = address,
            ["Storage:DatabaseFile"] = _folder.File("gateway.db"),
            ["Samples:Root"] = RepositoryPaths.Samples,
            ["Commands:CatalogueFile"] = RepositoryPaths.Catalogue,
            ["Commands:MenuFile"] = RepositoryPaths.Menus,
            ["AccessPolicies:MessagesPerMinute"] = "1000",
            ["Channels:Telegram:Enabled"] = "true",
            ["Channels:Telegram:Token"] = _telegram.Token,
            ["Channels:Telegram:ApiBaseUrl"] = _telegram.BaseUrl.ToString(),
            ["Channels:Telegram:Mode"] = "Webhook",
            ["Channels:Telegram:WebhookUrl"] = _webhookUrl,
            ["Channels:Telegram:WebhookSecret"] = Secret,
        });
        _http = new HttpClient { BaseAddress = _gateway.Address };
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _http.Dispose();
        _gateway.Dispose();
        await _telegram.DisposeAsync();
        _folder.Dispose();
    }

    [Test]
    public async Task Updates_PostedByTheBotApiWithTheSecret_AreAnswered()
    {
        var registration = await RegistrationAsync();
        Assert.That(registration.GetProperty("params").GetProperty("url").GetString(), Is.EqualTo(_webhookUrl));
        Assert.That(registration.GetProperty("params").GetProperty("secret_token").GetString(), Is.EqualTo(Secret));

        var chat = new TelegramConversation(_telegram, Olga);
        Assert.That((await chat.SayAsync("/start")).Text, Does.StartWith("Команды:"));
        var linked = await chat.ShareOwnContactAsync("79161234567");
        Assert.That(linked.Text, Does.StartWith("Готово: чат привязан"));
        Assert.That((await chat.SayAsync("/balance")).Text, Does.StartWith("Баланс: 350,00 RUB"));

        var deliveries = await _telegram.DeliveriesAsync();
        Assert.That(deliveries, Has.Count.GreaterThanOrEqualTo(3));
        Assert.That(deliveries.Select(d => d.GetProperty("status").GetInt32()), Is.All.EqualTo(200));
    }

    [Test]
    public async Task Webhook_WithoutTheSecret_Is401_WithAWrongOne_403_AndARedeliveryIsAnsweredOnce()
    {
        var update = PeterWrites(900001, 42, "/help");

        Assert.That(await PostUpdateAsync(update, secret: null), Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await PostUpdateAsync(update, secret: "webhook-secret_0123456780"), Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await PostUpdateAsync(update, secret: Secret), Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await PostUpdateAsync(update, secret: Secret), Is.EqualTo(HttpStatusCode.OK), "Telegram's redelivery");
        Assert.That(await PostUpdateAsync("{not json", secret: Secret), Is.EqualTo(HttpStatusCode.BadRequest));

        var reply = await new TelegramConversation(_telegram, Peter).NextAsync();
        Assert.That(reply.Text, Does.StartWith("Commands:"));

        // The event a second run of the redelivery would come before: a chat's messages are answered in order, so once the
        // answer to a later update is there, every answer to the earlier ones is too.
        Assert.That(await PostUpdateAsync(PeterWrites(900002, 43, "/start"), secret: Secret), Is.EqualTo(HttpStatusCode.OK));
        var answers = await _telegram.WaitForMessagesAsync(Peter.ChatId, 2, TimeSpan.FromSeconds(30));
        Assert.That(answers, Has.Count.EqualTo(2), "the refused posts were not accepted, the redelivery not run twice");
    }

    private static string PeterWrites(int updateId, int messageId, string text) => new JsonObject
    {
        ["update_id"] = updateId,
        ["message"] = new JsonObject
        {
            ["message_id"] = messageId, ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), ["text"] = text,
            ["chat"] = new JsonObject { ["id"] = Peter.ChatId, ["type"] = "private" },
            ["from"] = new JsonObject { ["id"] = Peter.Id, ["is_bot"] = false, ["first_name"] = Peter.FirstName, ["language_code"] = "en" },
        },
    }.ToJsonString();

    /// <summary>The gateway's setWebhook call, which its background start makes soon after it listens.</summary>
    private async Task<System.Text.Json.JsonElement> RegistrationAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var registered = (await _telegram.CallsAsync("setWebhook")).Where(c => c.GetProperty("status").GetInt32() == 200).ToList();
            if (registered.Count > 0) return registered[^1];
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The gateway did not call setWebhook.");
            await Task.Delay(25);
        }
    }

    private async Task<HttpStatusCode> PostUpdateAsync(string json, string? secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/telegram/webhook") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (secret is not null) request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        using var response = await _http.SendAsync(request);
        return response.StatusCode;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
