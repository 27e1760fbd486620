using System.Text.Json;

namespace SelfService.Channels.DirectLine.Protocol;

/// <summary>
/// A Bot Framework activity, as far as this gateway reads and writes it. Fields it does not know are ignored on input;
/// <see cref="ChannelData"/> is kept as sent, because Web Chat matches its own echoed message by channelData.clientActivityID.
/// </summary>
public sealed record Activity
{
    public string? Type { get; init; }
    public string? Id { get; init; }
    public DateTimeOffset? Timestamp { get; init; }
    public string? ChannelId { get; init; }
    public ChannelAccount? From { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public string? Text { get; init; }
    public string? TextFormat { get; init; }
    public string? Locale { get; init; }
    public string? ReplyToId { get; init; }
    public SuggestedActions? SuggestedActions { get; init; }
    public JsonElement? ChannelData { get; init; }
    public IReadOnlyList<Attachment>? Attachments { get; init; }
}

public sealed record ChannelAccount(string? Id, string? Name = null, string? Role = null);

public sealed record ConversationAccount(string Id);

public sealed record SuggestedActions(IReadOnlyList<CardAction> Actions);

/// <summary>An "imBack" action posts its <see cref="Value"/> back as the user's message when clicked.</summary>
public sealed record CardAction(string Type, string Title, string Value);

public sealed record Attachment(string? ContentType, string? ContentUrl, string? Name);

/// <summary>What GET …/activities returns and the WebSocket pushes. Typing sets carry no watermark (they are not kept).</summary>
public sealed record ActivitySet(IReadOnlyList<Activity> Activities, string? Watermark);
