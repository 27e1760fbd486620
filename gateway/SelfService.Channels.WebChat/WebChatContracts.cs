using System.Text.Json;
using System.Text.Json.Serialization;

namespace SelfService.Channels.WebChat;

public sealed record ConversationCreated(string ConversationId, string Token);

public sealed record PostMessage(string? Text, string? ClientMessageId);

public sealed record MessageAccepted(string MessageId, bool Duplicate);

/// <param name="Html">What the page shows: the bot's Markdown rendered and sanitized, the customer's words as plain text.</param>
public sealed record TranscriptLine(long Seq, string Id, string From, string Text, string Html, IReadOnlyList<string> Choices, DateTimeOffset At);

public sealed record Transcript(IReadOnlyList<TranscriptLine> Messages, long Watermark);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(PostMessage))]
internal sealed partial class WebChatJson : JsonSerializerContext;
