using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace SelfService.Gateway.Tests.Infrastructure;

/// <summary>A customer in the web chat, speaking the page's JSON/HTTP protocol.</summary>
internal sealed class ChatSession
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(15);
    private readonly HttpClient _http;
    private long _watermark;

    private ChatSession(HttpClient http, string conversationId, string token)
    {
        _http = http;
        ConversationId = conversationId;
        Token = token;
    }

    public string ConversationId { get; }
    public string Token { get; }

    public static async Task<ChatSession> StartAsync(HttpClient http)
    {
        using var response = await http.PostAsync("/api/webchat/conversations", null);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new ChatSession(http, created.GetProperty("conversationId").GetString()!, created.GetProperty("token").GetString()!);
    }

    /// <summary>Resumes a conversation from its id and token, as the page does after a reload.</summary>
    public static ChatSession Resume(HttpClient http, string conversationId, string token) => new(http, conversationId, token);

    /// <summary>The page's language sent with each message, as the web chat page sends it; null sends none.</summary>
    public string? Language { get; set; }

    public async Task<HttpResponseMessage> PostAsync(string text, string? clientMessageId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/webchat/conversations/{ConversationId}/messages")
        {
            Content = JsonContent.Create(new { text, clientMessageId = clientMessageId ?? Guid.NewGuid().ToString("N"), language = Language }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return await _http.SendAsync(request);
    }

    /// <summary>Sends a message and returns the bot's next reply.</summary>
    public async Task<BotLine> AskAsync(string text)
    {
        using var response = await PostAsync(text);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        return await NextReplyAsync();
    }

    public async Task<BotLine> NextReplyAsync()
    {
        var deadline = DateTime.UtcNow + ReplyTimeout;
        while (DateTime.UtcNow < deadline)
        {
            foreach (var line in await ReadAsync(_watermark))
            {
                _watermark = line.Seq;
                if (line.From == "bot") return line;
            }
            await Task.Delay(25);
        }
        throw new TimeoutException($"No reply in conversation {ConversationId} within {ReplyTimeout}.");
    }

    public async Task<IReadOnlyList<BotLine>> ReadAsync(long watermark = 0)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/webchat/conversations/{ConversationId}/messages?watermark={watermark}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var response = await _http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var transcript = await response.Content.ReadFromJsonAsync<JsonElement>();
        return transcript.GetProperty("messages").EnumerateArray().Select(m => new BotLine(
            m.GetProperty("seq").GetInt64(), m.GetProperty("from").GetString()!, m.GetProperty("text").GetString()!,
            m.GetProperty("choices").EnumerateArray().Select(c => c.GetString()!).ToList()) { Html = m.GetProperty("html").GetString()! }).ToList();
    }

    /// <summary>Links this conversation to a subscriber with the one-time code the gateway sent to the phone.</summary>
    public async Task LinkAsync(string msisdn)
    {
        var sent = await AskAsync("LINK " + msisdn);
        Assert.That(sent.Text, Does.Contain("code").IgnoreCase.Or.Contain("код").IgnoreCase);
        var code = await OneTimeCodes.ReadAsync(_http, msisdn);
        var linked = await AskAsync(code);
        Assert.That(linked.Text, Does.Contain("linked").Or.Contain("привязан"));
    }
}

internal sealed record BotLine(long Seq, string From, string Text, IReadOnlyList<string> Choices)
{
    /// <summary>What the page shows.</summary>
    public string Html { get; init; } = "";
}
