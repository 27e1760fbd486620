using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using SelfService.Channels.DirectLine;
using SelfService.Gateway.Tests.Infrastructure;

namespace SelfService.Gateway.Tests.DirectLine;

/// <summary>A gateway with the Direct Line channel on: a random secret, and a known signing key so a test can mint an expired token.</summary>
public abstract class DirectLineGatewayTest : LoopbackGatewayTest
{
    protected string Secret { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

    protected byte[] SigningKey { get; } = RandomNumberGenerator.GetBytes(32);

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Channels:DirectLine:Enabled"] = "true",
        ["Channels:DirectLine:Secrets:0"] = Secret,
        ["Channels:DirectLine:TokenSigningKey"] = Convert.ToBase64String(SigningKey),
        ["AccessPolicies:MessagesPerMinute"] = "1000",
    };

    protected Uri BaseAddress => Http.BaseAddress!;

    protected async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? bearer, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, "/v3/directline" + path) { Content = content };
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return await Http.SendAsync(request);
    }

    /// <summary>Trades the secret for a token bound to a new conversation.</summary>
    protected async Task<(string ConversationId, string Token)> NewConversationAsync()
    {
        using var response = await SendAsync(HttpMethod.Post, "/tokens/generate", Secret);
        response.EnsureSuccessStatusCode();
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (json.GetProperty("conversationId").GetString()!, json.GetProperty("token").GetString()!);
    }

    protected Task<HttpResponseMessage> PostActivityAsync(string conversationId, string? bearer, object activity) =>
        SendAsync(HttpMethod.Post, $"/conversations/{conversationId}/activities", bearer, JsonContent.Create(activity));

    protected async Task<JsonElement> ActivitiesAsync(string conversationId, string token, string watermark = "")
    {
        using var response = await SendAsync(HttpMethod.Get, $"/conversations/{conversationId}/activities?watermark={watermark}", token);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Polls the transcript (as Web Chat does with webSocket: false) until the bot has answered the activity.</summary>
    protected async Task<JsonElement> ReplyToAsync(string conversationId, string token, string activityId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            var set = await ActivitiesAsync(conversationId, token);
            foreach (var activity in set.GetProperty("activities").EnumerateArray())
                if (activity.TryGetProperty("replyToId", out var replyTo) && replyTo.GetString() == activityId) return activity;
            await Task.Delay(25);
        }
        throw new TimeoutException($"No reply to {activityId}");
    }

    protected static object Message(string text, string? clientActivityId = null, string locale = "ru-RU") => new
    {
        type = "message", text, locale, from = new { id = "test-user" },
        channelData = new { clientActivityID = clientActivityId ?? Guid.NewGuid().ToString("N") },
    };

    /// <summary>A token signed with the gateway's key that expired an hour ago.</summary>
    protected string ExpiredToken(string conversationId) =>
        new DirectLineTokens(SigningKey, TimeSpan.FromMinutes(30), new FixedTime(DateTimeOffset.UtcNow.AddHours(-1))).Issue(conversationId).Token;

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
