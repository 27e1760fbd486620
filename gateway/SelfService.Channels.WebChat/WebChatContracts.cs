using System.Text.Json;
using System.Text.Json.Serialization;

namespace SelfService.Channels.WebChat;

public sealed record ConversationCreated(string ConversationId, string Token);

/// <param name="Language">The page's language (ru, en, or a locale such as en-GB): a hint for a conversation that has no
/// language yet. The visitor's explicit choice on the page's language switch is sent as LANG EN / ЯЗЫК РУ.</param>
public sealed record PostMessage(string? Text, string? ClientMessageId, string? Language = null);

public sealed record MessageAccepted(string MessageId, bool Duplicate);

/// <param name="Html">What the page shows: the bot's Markdown rendered and sanitized, the customer's words as plain text.</param>
public sealed record TranscriptLine(long Seq, string Id, string From, string Text, string Html, IReadOnlyList<string> Choices, DateTimeOffset At);

public sealed record Transcript(IReadOnlyList<TranscriptLine> Messages, long Watermark);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(PostMessage))]
internal sealed partial class WebChatJson : JsonSerializerContext;
