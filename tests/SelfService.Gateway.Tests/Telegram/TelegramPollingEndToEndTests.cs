using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SelfService.Gateway.Tests.Infrastructure;
using SelfService.Testing.Peers.Telegram;

namespace SelfService.Gateway.Tests.Telegram;

/// <summary>
/// The real gateway as a Telegram bot in long-polling mode, against the Bot API peer (telegram-test-api behind
/// tests/peers/telegram/bot-api.js) on loopback: greetings, identity by a shared contact, balance, a confirmation with
/// inline buttons, long answers, flood control, a blocked bot and updates the bot cannot use.
/// </summary>
public class TelegramPollingEndToEndTests
{
    private static readonly TelegramUser Ivan = new(700001, "Иван", "ru");
    private static readonly TelegramUser John = new(700002, "John", "en-GB");

    private TelegramBotApiPeer _telegram = null!;
    private GatewayFactory _gateway = null!;
    private HttpClient _http = null!;

    [SetUp]
    public async Task Start()
    {
        _telegram = await TelegramBotApiPeer.StartAsync();
        _gateway = new GatewayFactory(new Dictionary<string, string?>
        {
            ["Channels:Telegram:Enabled"] = "true",
            ["Channels:Telegram:Token"] = _telegram.Token,
            ["Channels:Telegram:ApiBaseUrl"] = _telegram.BaseUrl.ToString(),
            ["Channels:Telegram:Mode"] = "Polling",
            ["Channels:Telegram:PollingTimeout"] = "00:00:05",
            ["Channels:Telegram:ReconnectMinDelay"] = "00:00:00.100",
            ["Channels:Telegram:ReconnectMaxDelay"] = "00:00:01",
            ["AccessPolicies:MessagesPerMinute"] = "1000",
        });
        _http = await _gateway.CreateLoopbackClientAsync();
    }

    [TearDown]
    public async Task Stop()
    {
        _http.Dispose();
        _gateway.Dispose();
        await _telegram.DisposeAsync();
    }

    [Test]
    public async Task Start_RussianUser_IsGreetedInRussian_AndOfferedTheShareContactButton()
    {
        var greeting = await Chat(Ivan).SayAsync("/start");

        Assert.That(greeting.Text, Does.StartWith("Команды: БАЛАНС - ваш баланс"));
        Assert.That(greeting.Text, Does.EndWith("Или просто задайте вопрос."));
        Assert.That(greeting.ShareContactButton, Is.EqualTo("📱 Отправить мой номер"));
        Assert.That(greeting.ParseMode, Is.EqualTo("HTML").IgnoreCase);
    }

    [Test]
    public async Task Start_EnglishUser_IsGreetedInEnglish()
    {
        var greeting = await Chat(John).SayAsync("/start");

        Assert.That(greeting.Text, Does.StartWith("Commands: BAL - your balance"));
        Assert.That(greeting.ShareContactButton, Is.EqualTo("📱 Share my phone number"));
    }

    [Test]
    public async Task OwnContact_LinksTheChat_ThenBalanceAnswers()
    {
        var chat = Chat(Ivan);
        var refused = await chat.SayAsync("/balance");
        Assert.That(refused.Text, Does.StartWith("Чтобы увидеть данные счёта, привяжите номер"));
        Assert.That(refused.ShareContactButton, Is.Not.Null, "a refusal for identity offers the share-contact button");

        // What the share-contact button sends: the user's own contact, without '+', as Telegram writes it.
        var linked = await chat.ShareOwnContactAsync("79161234567");
        Assert.That(linked.Text, Is.EqualTo("Готово: чат привязан к номеру +7916***4567. Отправьте БАЛАНС, чтобы узнать баланс."));
        Assert.That(linked.RemovesKeyboard, Is.True, "linked: the share-contact keyboard goes away");

        Assert.That((await chat.SayAsync("/balance")).Text, Does.StartWith("Баланс: 350,00 RUB"));
        var customer = await _http.GetFromJsonAsync<JsonElement>($"/api/customers?channel=telegram&address={Ivan.ChatId}");
        Assert.That(customer.GetProperty("msisdn").GetString(), Is.EqualTo("+79161234567"));
    }

    [Test]
    public async Task AgentReply_ReachesTheTelegramChat()
    {
        var chat = Chat(Ivan);
        Assert.That((await chat.SayAsync("ОПЕРАТОР")).Text, Does.StartWith("Вам ответит оператор"));
        var ticketId = (await _http.GetFromJsonAsync<JsonElement>("/api/queue"))[0].GetProperty("ticket").GetProperty("id").GetString();

        (await _http.PostAsync($"/api/queue/{ticketId}/take", null)).EnsureSuccessStatusCode();
        (await _http.PostAsJsonAsync($"/api/queue/{ticketId}/reply", new { text = "Иван, здравствуйте! Это Мария из поддержки." })).EnsureSuccessStatusCode();

        Assert.That((await chat.NextAsync()).Text, Is.EqualTo("Иван, здравствуйте! Это Мария из поддержки."));
    }

    [Test]
    public async Task SomeoneElsesContact_IsRefused_AndLinksNothing()
    {
        var chat = Chat(John);
        await _telegram.SendContactAsync(John, "+79161234567", contactUserId: 424242);

        var refusal = await chat.NextAsync();

        Assert.That(refusal.Text, Does.StartWith("That is someone else's contact"));
        Assert.That(refusal.ShareContactButton, Is.EqualTo("📱 Share my phone number"));
        using var customer = await _http.GetAsync($"/api/customers?channel=telegram&address={John.ChatId}");
        Assert.That(customer.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "not linked");
        Assert.That((await chat.SayAsync("/balance")).Text, Does.StartWith("For your account data, link your phone first"));
    }

    [Test]
    public async Task Roaming_ConfirmedWithTheInlineButton_IsActivated_AndTheOldButtonThenHasNothingToConfirm()
    {
        var chat = Chat(Ivan);
        await chat.ShareOwnContactAsync("+79161234567");

        var question = await chat.SayAsync("ВКЛ РОУМИНГ");
        Assert.That(question.Text, Does.StartWith("Подключить «Роуминг»?"));
        Assert.That(question.Buttons.Select(b => (b.Text, b.CallbackData)), Is.EqualTo(new[] { ("ДА", "ДА"), ("НЕТ", "НЕТ") }));
        Assert.That(question.InlineButtons, Has.Count.EqualTo(1), "two short choices share a row");

        var (callbackId, done) = await chat.PressAsync(question, "ДА");
        Assert.That(done.Text, Does.StartWith("Услуга «Роуминг» подключена"));
        var answered = await _telegram.CallsAsync("answerCallbackQuery");
        Assert.That(answered.Select(c => c.GetProperty("params").GetProperty("callback_query_id").GetString()), Does.Contain(callbackId));

        // The same button again, on the old message: the confirmation is gone, so the processor's ordinary answer.
        var (_, again) = await chat.PressAsync(question, "ДА");
        Assert.That(again.Text, Is.EqualTo("Нечего подтверждать."));
        Assert.That((await chat.SayAsync("/status")).Text, Does.Contain("Роуминг"));
        var customer = await _http.GetFromJsonAsync<JsonElement>($"/api/customers?channel=telegram&address={Ivan.ChatId}");
        var history = await _http.GetFromJsonAsync<JsonElement>($"/api/customers/{customer.GetProperty("id").GetString()}/history");
        Assert.That(history.EnumerateArray().Count(e => e.GetProperty("text").GetString() == "ДА"), Is.EqualTo(2), "both presses reached the processor as ДА");
    }

    [Test]
    public async Task Menu_ShowsItsItemsAsButtons_AndAPressRunsTheItem()
    {
        var chat = Chat(John);
        await chat.ShareOwnContactAsync("+447700900123");

        var menu = await chat.SayAsync("/menu");
        Assert.That(menu.Buttons.Select(b => b.Text), Is.EqualTo(new[] { "Balance", "My services", "Add", "Remove", "Agent" }));
        Assert.That(menu.InlineButtons, Has.Count.EqualTo(5), "a menu gets a row per item");

        var (_, balance) = await chat.PressAsync(menu, "Balance");
        Assert.That(balance.Text, Does.StartWith("Balance: "));
    }

    /// <summary>Issue 12: when two services fit, the one short question's choices are inline buttons, and a press picks one.</summary>
    [Test]
    public async Task UnclearRequest_AsksWithInlineButtons_AndAPressPicksTheService()
    {
        var chat = Chat(John);
        await chat.ShareOwnContactAsync("+447700900123");

        var question = await chat.SayAsync("remove the bundle please");
        var (_, picked) = await chat.PressAsync(question, "Turn off 300 SMS pack");

        Assert.Multiple(() =>
        {
            Assert.That(question.Buttons.Select(b => b.Text), Is.SupersetOf(new[] { "Turn off 300 SMS pack", "Turn off Mobile internet 10 GB" }));
            Assert.That(picked.Text, Does.Contain("300 SMS pack").And.Not.Contain("Mobile internet"));
        });
    }

    /// <summary>Issue 12: the articles an answer links to are inline buttons; a press gives that article.</summary>
    [Test]
    public async Task ArticleLinks_AreInlineButtons_AndAPressGivesTheLinkedArticle()
    {
        var chat = Chat(John);

        var answer = await chat.SayAsync("my mobile internet is not working");
        var (_, linked) = await chat.PressAsync(answer, "4G and 5G coverage");

        Assert.Multiple(() =>
        {
            Assert.That(answer.Buttons.Select(b => b.Text), Is.EqualTo(new[] { "Mobile internet settings (APN)", "4G and 5G coverage" }));
            Assert.That(answer.Text, Does.Contain("internet settings").And.Not.Contain("(#"), "no base address configured: the link's text, no dead link");
            Assert.That(linked.Text, Does.Contain("Network coverage"));
        });
    }

    [Test]
    public async Task LongAnswer_IsSplitUnder4096Characters_WithTheKeyboardOnTheLastPart_AndItsMarkupEscaped()
    {
        var paragraphs = Enumerable.Range(1, 60)
            .Select(i => $"**Пункт {i}.** Тарифы <зона {i}> & условия: " + string.Join(' ', Enumerable.Repeat($"слово{i}", 25)))
            .ToList();
        await ImportArticleAsync("telegram-long-ru", "Как устроены тарифы на Марсе?", "марс тарифы", string.Join("\n\n", paragraphs));

        var chat = Chat(Ivan);
        await _telegram.SendTextAsync(Ivan, "Как устроены тарифы на Марсе?");
        var first = await chat.NextAsync();
        var parts = await PartsAsync(chat, first);

        Assert.That(parts, Has.Count.GreaterThanOrEqualTo(3));
        Assert.That(parts.Select(p => p.Text.Length), Is.All.LessThanOrEqualTo(4096));
        Assert.That(parts.Take(parts.Count - 1).Select(p => p.ReplyMarkup), Is.All.Null, "buttons only under the last part");
        Assert.That(parts[^1].ShareContactButton, Is.Not.Null);
        var visible = string.Join("\n\n", parts.Select(p => p.Text));
        Assert.That(visible, Does.Contain("Пункт 1. Тарифы <зона 1> & условия"));
        Assert.That(visible, Does.Contain("Пункт 60. Тарифы <зона 60> & условия"));
        Assert.That(parts[0].SentText, Does.StartWith("<b>Пункт 1.</b> Тарифы &lt;зона 1&gt; &amp; условия"));
        foreach (var paragraph in paragraphs)
            Assert.That(visible, Does.Contain(paragraph.Replace("**", "", StringComparison.Ordinal)), "no paragraph is cut");
    }

    [Test]
    public async Task FloodControl_429_IsRetriedAfterItsRetryAfter()
    {
        await _telegram.FailNextAsync("sendMessage", 429, "Too Many Requests: retry after 3", retryAfter: 3, chatId: John.ChatId);

        await _telegram.SendTextAsync(John, "/help");
        var pending = await WaitForOutboxAsync(John.ChatId, r => r.GetProperty("attempts").GetInt32() == 1);

        Assert.That(pending.GetProperty("state").GetString(), Is.EqualTo("Pending"));
        Assert.That(pending.GetProperty("lastError").GetString(), Does.Contain("429"));
        var failedAt = (await _telegram.CallsAsync("sendMessage")).Single().GetProperty("status").GetInt32();
        Assert.That(failedAt, Is.EqualTo(429));
        var wait = pending.GetProperty("nextAttemptAt").GetDateTimeOffset() - pending.GetProperty("createdAt").GetDateTimeOffset();
        Assert.That(wait, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(3)), "the retry waits retry_after, not the 200 ms first backoff");

        var reply = await Chat(John).NextAsync();
        Assert.That(reply.Text, Does.StartWith("Commands:"));
        var sent = await WaitForOutboxAsync(John.ChatId, r => r.GetProperty("state").GetString() == "Sent");
        Assert.That(sent.GetProperty("attempts").GetInt32(), Is.EqualTo(2));
    }

    [Test]
    public async Task BlockedBot_403_MarksTheChatUnreachable_WithoutRetries_UntilTheUserWritesAgain()
    {
        var chat = Chat(John);
        await chat.SayAsync("/start");
        await _telegram.BlockAsync(John.ChatId);

        await _telegram.SendTextAsync(John, "/help");
        var failed = await WaitForOutboxAsync(John.ChatId, r => r.GetProperty("state").GetString() == "Failed");

        Assert.That(failed.GetProperty("attempts").GetInt32(), Is.EqualTo(1), "a blocked bot is not retried");
        Assert.That(failed.GetProperty("lastError").GetString(), Does.Contain("blocked the bot").And.Contain("unreachable"));
        var refusals = (await _telegram.CallsAsync("sendMessage")).Count(c => c.GetProperty("status").GetInt32() == 403);
        Assert.That(refusals, Is.EqualTo(1));

        await _telegram.BlockAsync(John.ChatId, blocked: false);
        Assert.That((await chat.SayAsync("/help")).Text, Does.StartWith("Commands:"), "writing again makes the chat reachable");
    }

    [Test]
    public async Task UpdatesTheBotCannotUse_AreSkipped_AndPollingGoesOn()
    {
        var chat = Chat(John);
        await _telegram.SendUpdateAsync(new JsonObject
        {
            ["edited_message"] = new JsonObject
            {
                ["message_id"] = 1, ["date"] = 1_700_000_000, ["edit_date"] = 1_700_000_100, ["text"] = "BAL",
                ["chat"] = new JsonObject { ["id"] = John.ChatId, ["type"] = "private" },
                ["from"] = new JsonObject { ["id"] = John.Id, ["is_bot"] = false, ["first_name"] = John.FirstName },
            },
        });
        await _telegram.SendUpdateAsync(new JsonObject
        {
            ["channel_post"] = new JsonObject
            {
                ["message_id"] = 7, ["date"] = 1_700_000_000, ["text"] = "HELP",
                ["chat"] = new JsonObject { ["id"] = -1001234567890, ["type"] = "channel", ["title"] = "News" },
            },
        });
        await _telegram.SendStickerAsync(John);
        await _telegram.SendTextAsync(John, "/help");

        var replies = await chat.NextAsync(2);

        Assert.That(replies[0].Text, Is.EqualTo("I can only read text. Please type your question or a command, e.g. BAL or HELP."));
        Assert.That(replies[1].Text, Does.StartWith("Commands:"));
        // The updates are read in order, and one chat's are answered in order: an answer to the edited message would have
        // come before these two, and the channel post was passed over before the sticker was read.
        Assert.That(await chat.AllAsync(), Has.Count.EqualTo(2), "the edited message and the channel post got no answer");
        Assert.That((await _telegram.SentToAsync(-1001234567890)), Is.Empty);
    }

    [Test]
    public async Task Webhook_InPollingMode_IsNotThere()
    {
        using var response = await _http.PostAsync("/api/telegram/webhook", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private TelegramConversation Chat(TelegramUser user) => new(_telegram, user);

    /// <summary>All the parts of one reply: the messages to the chat until the one that carries the keyboard.</summary>
    private static async Task<List<BotMessage>> PartsAsync(TelegramConversation chat, BotMessage first)
    {
        var parts = new List<BotMessage> { first };
        while (parts[^1].ReplyMarkup is null) parts.Add(await chat.NextAsync());
        return parts;
    }

    private async Task ImportArticleAsync(string id, string question, string keywords, string longAnswer)
    {
        var file = new JsonObject
        {
            ["format"] = "selfservice-kb/1",
            ["operator"] = "Northern Telecom",
            ["articles"] = new JsonArray(new JsonObject
            {
                ["id"] = id, ["language"] = "ru", ["category"] = "tariffs", ["title"] = question,
                ["questions"] = new JsonArray(question, "Тарифы на Марсе", "Сколько стоит связь на Марсе?"),
                ["keywords"] = new JsonArray(keywords.Split(' ').Select(k => (JsonNode)k).ToArray()),
                ["shortAnswer"] = "На Марсе свои тарифы.",
                ["longAnswer"] = longAnswer,
            }),
        };
        using var response = await _http.PostAsync("/api/kb/import", new StringContent(file.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonElement> WaitForOutboxAsync(long chatId, Func<JsonElement, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        var address = chatId.ToString(CultureInfo.InvariantCulture);
        while (true)
        {
            var outbox = await _http.GetFromJsonAsync<JsonElement>($"/api/outbox?channel=telegram&address={address}");
            var found = outbox.EnumerateArray().Where(match).ToList();
            if (found.Count > 0) return found[^1];
            if (DateTime.UtcNow > deadline) throw new TimeoutException("No outbox record as expected: " + outbox.GetRawText());
            await Task.Delay(25);
        }
    }
}
