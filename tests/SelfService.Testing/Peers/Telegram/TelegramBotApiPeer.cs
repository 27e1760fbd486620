using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SelfService.Testing.Peers.Telegram;

/// <summary>
/// A Bot API server on 127.0.0.1: the npm emulator telegram-test-api behind tests/peers/telegram/bot-api.js, which
/// corrects its answers toward the documented Bot API and adds long polling and webhooks. The bot (the gateway) calls
/// <see cref="BaseUrl"/>/bot&lt;token&gt;/method; the test plays the users: writes, presses buttons, shares contacts and
/// reads what the bot sent. The port is chosen at run time; disposing stops node.
/// </summary>
public sealed class TelegramBotApiPeer : IAsyncDisposable
{
    /// <summary>A token in Telegram's format; the emulator accepts any.</summary>
    public const string DefaultToken = "123456789:AAHfakeTokenForTheBotApiPeer_0123456";

    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(15);
    private readonly Process _process;
    private readonly StringBuilder _standardError;
    private readonly HttpClient _http;
    private long _nextCallbackQuery;

    private TelegramBotApiPeer(Process process, int port, string token, StringBuilder standardError)
    {
        _process = process;
        _standardError = standardError;
        Port = port;
        Token = token;
        _http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    public int Port { get; }

    public string Token { get; }

    /// <summary>What the bot is configured with as its Bot API server (Channels:Telegram:ApiBaseUrl).</summary>
    public Uri BaseUrl => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}");

    public static async Task<TelegramBotApiPeer> StartAsync(string token = DefaultToken, CancellationToken cancellationToken = default)
    {
        var peers = Path.Combine(RepositoryPaths.Root, "tests", "peers");
        if (!Directory.Exists(Path.Combine(peers, "node_modules", "telegram-test-api")))
            throw new TelegramBotApiException($"The npm package telegram-test-api is not installed in {peers}: run tests/install-peers.");
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = peers,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Path.Combine(peers, "telegram", "bot-api.js"));
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add("0");

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new TelegramBotApiException("node did not start.");
        }
        catch (Win32Exception e)
        {
            throw new TelegramBotApiException($"Could not run node for the Bot API peer ({e.Message}). Node 18 or later must be on PATH.", e);
        }

        var errors = new StringBuilder();
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (errors) errors.AppendLine(e.Data); };
        process.BeginErrorReadLine();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(15));
        string? line;
        try
        {
            line = await process.StandardOutput.ReadLineAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            line = null;
        }
        if (line is null || !line.Contains("\"listening\"", StringComparison.Ordinal))
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            string stderr;
            lock (errors) stderr = errors.ToString();
            process.Dispose();
            throw new TelegramBotApiException($"The Bot API peer did not start: {line ?? "no output"}\n{stderr}");
        }
        var port = JsonDocument.Parse(line).RootElement.GetProperty("port").GetInt32();
        return new TelegramBotApiPeer(process, port, token, errors);
    }

    // ---- The users' side.

    /// <summary>The user writes in their private chat with the bot. "/start" and other commands are texts too.</summary>
    public Task SendTextAsync(TelegramUser user, string text) => SendUserMessageAsync(user, new JsonObject { ["text"] = text });

    /// <summary>
    /// The user shares a contact: their own (what the share-contact button sends: the contact's user_id is theirs) or,
    /// with <paramref name="contactUserId"/>, someone else's from the address book.
    /// </summary>
    public Task SendContactAsync(TelegramUser user, string phoneNumber, long? contactUserId = null) =>
        SendUserMessageAsync(user, new JsonObject
        {
            ["contact"] = new JsonObject
            {
                ["phone_number"] = phoneNumber,
                ["first_name"] = contactUserId is null ? user.FirstName : "Someone",
                ["user_id"] = contactUserId ?? user.Id,
            },
        });

    /// <summary>The user sends a sticker (no text).</summary>
    public Task SendStickerAsync(TelegramUser user) =>
        SendUserMessageAsync(user, new JsonObject
        {
            ["sticker"] = new JsonObject
            {
                ["file_id"] = "CAACAgIAAxkBAAEBsticker", ["file_unique_id"] = "AgADsticker", ["type"] = "regular",
                ["width"] = 512, ["height"] = 512, ["is_animated"] = false, ["is_video"] = false, ["emoji"] = "👍",
            },
        });

    /// <summary>The user presses an inline button under one of the bot's messages; returns the callback query's id.</summary>
    public async Task<string> PressAsync(TelegramUser user, BotMessage message, InlineButton button)
    {
        var body = new JsonObject
        {
            ["botToken"] = Token,
            ["from"] = From(user),
            ["message"] = new JsonObject
            {
                ["message_id"] = message.MessageId,
                ["from"] = new JsonObject { ["id"] = 666, ["is_bot"] = true, ["first_name"] = "Northern Telecom" },
                ["chat"] = Chat(user),
                ["date"] = UnixNow(),
                ["text"] = message.Text,
            },
            ["data"] = button.CallbackData,
        };
        await PostAsync("/sendCallback", body);
        // The emulator numbers callback queries 1, 2, 3... per server.
        return Interlocked.Increment(ref _nextCallbackQuery).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>An update the emulator cannot make itself (edited_message, channel_post, my_chat_member...), with the next update_id.</summary>
    public async Task<long> SendUpdateAsync(JsonObject update)
    {
        var answer = await PostAsync("/control/update", new JsonObject { ["token"] = Token, ["update"] = update });
        return answer.GetProperty("result").GetInt64();
    }

    // ---- What the bot did.

    /// <summary>The messages the server accepted for this chat, oldest first.</summary>
    public async Task<IReadOnlyList<BotMessage>> SentToAsync(long chatId) =>
        (await CallsAsync("sendMessage"))
            .Where(c => c.GetProperty("status").GetInt32() == 200 && ChatIdOf(c) == chatId)
            .Select(ToBotMessage)
            .ToList();

    /// <summary>Waits until the chat holds at least <paramref name="count"/> messages from the bot; returns them all.</summary>
    public async Task<IReadOnlyList<BotMessage>> WaitForMessagesAsync(long chatId, int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultWait);
        while (true)
        {
            var sent = await SentToAsync(chatId);
            if (sent.Count >= count) return sent;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Chat {chatId} got {sent.Count} bot messages, not {count}: {string.Join(" | ", sent.Select(m => m.Text))}\n{StandardError}");
            await Task.Delay(25);
        }
    }

    /// <summary>Every Bot API call of this method the bot made (getUpdates excepted): params, status, result or description.</summary>
    public async Task<IReadOnlyList<JsonElement>> CallsAsync(string method)
    {
        var answer = await _http.GetFromJsonAsync<JsonElement>($"/control/calls?method={Uri.EscapeDataString(method)}");
        return answer.GetProperty("result").EnumerateArray().ToList();
    }

    /// <summary>getUpdates calls so far, and those refused with 409 because another was open for the bot (two pollers).</summary>
    public async Task<(int Polls, int Conflicts)> PollsAsync()
    {
        var answer = (await _http.GetFromJsonAsync<JsonElement>("/control/polls")).GetProperty("result");
        return (answer.GetProperty("polls").GetInt32(), answer.GetProperty("conflicts").GetInt32());
    }

    /// <summary>Every webhook post so far: update_id, url, status (0 when the connection failed).</summary>
    public async Task<IReadOnlyList<JsonElement>> DeliveriesAsync()
    {
        var answer = await _http.GetFromJsonAsync<JsonElement>("/control/deliveries");
        return answer.GetProperty("result").EnumerateArray().ToList();
    }

    // ---- Trouble on demand.

    /// <summary>
    /// After <paramref name="skip"/> calls of <paramref name="method"/> (to one chat, if given) that succeed, the next
    /// <paramref name="count"/> fail with this Bot API error.
    /// </summary>
    public Task FailNextAsync(string method, int errorCode, string description, int? retryAfter = null, long? chatId = null, int count = 1, int skip = 0)
    {
        var body = new JsonObject
        {
            ["method"] = method, ["error_code"] = errorCode, ["description"] = description, ["count"] = count, ["skip"] = skip,
        };
        if (retryAfter is not null) body["retry_after"] = retryAfter;
        if (chatId is not null) body["chat_id"] = chatId;
        return PostAsync("/control/fail", body);
    }

    /// <summary>From now on sends to this chat answer 403 "bot was blocked by the user" (or no longer, with false).</summary>
    public Task BlockAsync(long chatId, bool blocked = true) =>
        PostAsync("/control/block", new JsonObject { ["chat_id"] = chatId, ["blocked"] = blocked });

    public string StandardError
    {
        get { lock (_standardError) return _standardError.ToString(); }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.Close();   // the peer exits at the end of stdin
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                try { await _process.WaitForExitAsync(grace.Token); }
                catch (OperationCanceledException)
                {
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync(CancellationToken.None);
                }
            }
        }
        catch (InvalidOperationException) { }
        catch (IOException) { }
        finally
        {
            _process.Dispose();
        }
    }

    private Task SendUserMessageAsync(TelegramUser user, JsonObject content)
    {
        content["botToken"] = Token;
        content["from"] = From(user);
        content["chat"] = Chat(user);
        content["date"] = UnixNow();
        return PostAsync("/sendMessage", content);
    }

    private async Task<JsonElement> PostAsync(string path, JsonObject body)
    {
        using var response = await _http.PostAsync(path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new TelegramBotApiException($"{path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static JsonObject From(TelegramUser user)
    {
        var from = new JsonObject { ["id"] = user.Id, ["is_bot"] = false, ["first_name"] = user.FirstName };
        if (user.LanguageCode is not null) from["language_code"] = user.LanguageCode;
        return from;
    }

    private static JsonObject Chat(TelegramUser user) => new() { ["id"] = user.ChatId, ["type"] = "private", ["first_name"] = user.FirstName };

    private static long UnixNow() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    private static long ChatIdOf(JsonElement call)
    {
        var chatId = call.GetProperty("params").GetProperty("chat_id");
        return chatId.ValueKind == JsonValueKind.String ? long.Parse(chatId.GetString()!, CultureInfo.InvariantCulture) : chatId.GetInt64();
    }

    private static BotMessage ToBotMessage(JsonElement call)
    {
        var parameters = call.GetProperty("params");
        var result = call.GetProperty("result");
        JsonElement? markup = parameters.TryGetProperty("reply_markup", out var m) && m.ValueKind == JsonValueKind.Object ? m.Clone() : null;
        var rows = markup is { } k && k.TryGetProperty("inline_keyboard", out var inline)
            ? inline.EnumerateArray().Select(row => (IReadOnlyList<InlineButton>)row.EnumerateArray()
                .Select(b => new InlineButton(b.GetProperty("text").GetString()!, b.GetProperty("callback_data").GetString()!)).ToList()).ToList()
            : [];
        return new BotMessage(
            result.GetProperty("message_id").GetInt64(), ChatIdOf(call), result.GetProperty("text").GetString()!,
            parameters.GetProperty("text").GetString()!,
            parameters.TryGetProperty("parse_mode", out var mode) && mode.ValueKind == JsonValueKind.String ? mode.GetString() : null,
            rows, markup);
    }
}
