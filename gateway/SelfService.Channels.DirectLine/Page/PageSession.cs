using System.Text.Json.Serialization;

namespace SelfService.Channels.DirectLine;

/// <summary>What the page sends to /api/directline/session: the token it kept from before, if any.</summary>
public sealed record PageSessionRequest(string? Token);

/// <summary>A token for the page's conversation; <see cref="Resumed"/> when it is the conversation the page had before.</summary>
public sealed record PageSession(
    string ConversationId,
    string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    bool Resumed);
