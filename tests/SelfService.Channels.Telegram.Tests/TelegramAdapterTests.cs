using SelfService.Channels.Telegram.Tests.Support;
using SelfService.Messaging;
using SelfService.Testing.Peers.Telegram;

namespace SelfService.Channels.Telegram.Tests;

/// <summary>The outbound table: what the Bot API answers a send, and what the adapter tells the outbox.</summary>
public class TelegramAdapterTests
{
    private const long ChatId = 640001;
    private TelegramChannelHarness _channel = null!;

    [SetUp]
    public async Task Start() => _channel = await TelegramChannelHarness.StartAsync();

    [TearDown]
    public async Task Stop() => await _channel.DisposeAsync();

    /// <summary>(Bot API error code, description, retry_after, expected status, the error names this, retry after).</summary>
    private static readonly object?[][] Failures =
    [
        [429, "Too Many Requests: retry after 7", 7, SendStatus.RetryableFailure, "429", 7],
        [500, "Internal Server Error", null, SendStatus.RetryableFailure, "500", null],
        [502, "Bad Gateway", null, SendStatus.RetryableFailure, "502", null],
        [401, "Unauthorized", null, SendStatus.RetryableFailure, "Token", null],
        [400, "Bad Request: chat not found", null, SendStatus.PermanentFailure, "chat not found", null],
        [403, "Forbidden: bot was blocked by the user", null, SendStatus.PermanentFailure, "blocked the bot", null],
    ];

    [TestCaseSource(nameof(Failures))]
    public async Task Send_BotApiError_IsClassified(int code, string description, int? retryAfter, SendStatus status, string mentions, int? waitSeconds)
    {
        await _channel.Peer.FailNextAsync("sendMessage", code, description, retryAfter);

        var result = await _channel.Adapter.SendAsync(Message("m1", "Balance: 350.00 RUB."), CancellationToken.None);

        Assert.That(result.Status, Is.EqualTo(status));
        Assert.That(result.Error, Does.Contain(mentions));
        Assert.That(result.RetryAfter, Is.EqualTo(waitSeconds is null ? null : TimeSpan.FromSeconds(waitSeconds.Value)));
    }

    [Test]
    public async Task Send_Plain_IsSentAsHtml_WithTheChoicesAsInlineButtons()
    {
        var result = await _channel.Adapter.SendAsync(Message("m1", "Activate **Roaming**?", choices: ["YES", "NO"], customerId: "c1"), CancellationToken.None);

        Assert.That(result, Is.EqualTo(SendResult.Sent));
        var sent = (await _channel.Peer.SentToAsync(ChatId)).Single();
        Assert.That(sent.SentText, Is.EqualTo("Activate <b>Roaming</b>?"));
        Assert.That(sent.Text, Is.EqualTo("Activate Roaming?"));
        Assert.That(sent.Buttons.Select(b => b.CallbackData), Is.EqualTo(new[] { "YES", "NO" }));
    }

    [Test]
    public async Task Send_ToAChatThatBlockedTheBot_FailsAtOnce_UntilTheUserWritesAgain()
    {
        await _channel.Peer.BlockAsync(ChatId);
        Assert.That((await _channel.Adapter.SendAsync(Message("m1", "one"), CancellationToken.None)).Status, Is.EqualTo(SendStatus.PermanentFailure));

        var later = await _channel.Adapter.SendAsync(Message("m2", "two"), CancellationToken.None);

        Assert.That(later.Status, Is.EqualTo(SendStatus.PermanentFailure));
        Assert.That(later.Error, Does.Contain("unreachable").And.Contain("until the user writes again"));
        Assert.That(await _channel.Peer.CallsAsync("sendMessage"), Has.Count.EqualTo(1), "the second send never reached Telegram");

        await _channel.Peer.BlockAsync(ChatId, blocked: false);
        await _channel.Peer.SendTextAsync(new TelegramUser(ChatId, "Anna", "en"), "hello again");
        await _channel.Polling.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => _channel.Sink.Stored.Count == 1);
        await _channel.Polling.StopAsync(CancellationToken.None);
        Assert.That((await _channel.Adapter.SendAsync(Message("m3", "three"), CancellationToken.None)).Status, Is.EqualTo(SendStatus.Sent));
    }

    [Test]
    public async Task Send_HtmlRefusedByTelegram_GoesAsPlainText_AndIsNotLost()
    {
        await _channel.Peer.FailNextAsync("sendMessage", 400, "Bad Request: can't parse entities: Unsupported start tag \"x\" at byte offset 0");

        var result = await _channel.Adapter.SendAsync(Message("m1", "**Bold** & <x>"), CancellationToken.None);

        Assert.That(result, Is.EqualTo(SendResult.Sent));
        var sent = (await _channel.Peer.SentToAsync(ChatId)).Single();
        Assert.That(sent.ParseMode, Is.Null);
        Assert.That(sent.Text, Is.EqualTo("Bold & <x>"));
    }

    [Test]
    public async Task Send_SecondPartHits429_TheRetryResumesAtThatPart_WithoutRepeatingTheFirst()
    {
        var message = Message("long", string.Join("\n\n", Enumerable.Range(1, 3).Select(i => $"Part {i} " + new string((char)('a' + i), 3000))));
        await _channel.Peer.FailNextAsync("sendMessage", 429, "Too Many Requests: retry after 2", retryAfter: 2, skip: 1);

        var first = await _channel.Adapter.SendAsync(message, CancellationToken.None);
        var retry = await _channel.Adapter.SendAsync(message, CancellationToken.None);

        Assert.That(first.Status, Is.EqualTo(SendStatus.RetryableFailure));
        Assert.That(first.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(2)));
        Assert.That(retry, Is.EqualTo(SendResult.Sent));
        var delivered = (await _channel.Peer.SentToAsync(ChatId)).Select(p => p.Text[..6]).ToList();
        Assert.That(delivered, Is.EqualTo(new[] { "Part 1", "Part 2", "Part 3" }), "each part once, in order");
        Assert.That(await _channel.Chats.PartsSentAsync("long", CancellationToken.None), Is.Zero, "forgotten once all went");
    }

    [Test]
    public async Task Send_BotApiUnreachable_IsRetryable()
    {
        await _channel.Peer.DisposeAsync();

        var result = await _channel.Adapter.SendAsync(Message("m1", "hello"), CancellationToken.None);

        Assert.That(result.Status, Is.EqualTo(SendStatus.RetryableFailure));
        Assert.That(result.Error, Does.Contain("could not be reached"));
    }

    [Test]
    public async Task Send_ToAnUnlinkedChat_OffersTheShareContactButton_AndTheFirstReplyAfterLinkingRemovesIt()
    {
        await _channel.Adapter.SendAsync(Message("m1", "Чтобы увидеть данные счёта, привяжите номер"), CancellationToken.None);
        await _channel.Adapter.SendAsync(Message("m2", "Готово", customerId: "c1"), CancellationToken.None);
        await _channel.Adapter.SendAsync(Message("m3", "Баланс: 350,00 RUB", customerId: "c1"), CancellationToken.None);

        var sent = await _channel.Peer.SentToAsync(ChatId);

        Assert.That(sent[0].ShareContactButton, Is.EqualTo("📱 Отправить мой номер"));
        Assert.That(sent[1].RemovesKeyboard, Is.True);
        Assert.That(sent[2].ReplyMarkup, Is.Null);
    }

    [TestCase("not-a-chat")]
    [TestCase("")]
    public async Task Send_AddressThatIsNoChatId_FailsPermanently(string address)
    {
        var result = await _channel.Adapter.SendAsync(Message("m1", "hello") with { Address = address }, CancellationToken.None);

        Assert.That(result.Status, Is.EqualTo(SendStatus.PermanentFailure));
        Assert.That(await _channel.Peer.CallsAsync("sendMessage"), Is.Empty);
    }

    private static OutboundMessage Message(string id, string text, IReadOnlyList<string>? choices = null, string? customerId = null) =>
        new(id, ChannelNames.Telegram, ChatId.ToString(System.Globalization.CultureInfo.InvariantCulture), text, choices ?? [], null,
            ChatId.ToString(System.Globalization.CultureInfo.InvariantCulture), customerId);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The condition did not become true.");
            await Task.Delay(20);
        }
    }
}
