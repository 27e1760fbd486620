using System.Text.Json.Serialization;

namespace SelfService.Channels.DirectLine.Protocol;

/// <summary>POST /conversations and GET /conversations/{id}: the conversation, a token for it and where its stream is.</summary>
public sealed record Conversation(
    string ConversationId,
    string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    string StreamUrl);

/// <summary>POST /tokens/generate and /tokens/refresh.</summary>
public sealed record TokenResponse(
    string ConversationId,
    string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);

/// <summary>The id given to a posted activity.</summary>
public sealed record ResourceResponse(string Id);

/// <summary>Direct Line's error body: {"error": {"code", "message"}}.</summary>
public sealed record ErrorResponse(ErrorDetail Error);

public sealed record ErrorDetail(string Code, string Message);
