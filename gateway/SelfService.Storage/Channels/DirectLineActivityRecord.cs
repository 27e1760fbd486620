using System.Globalization;

namespace SelfService.Storage.Channels;

/// <summary>One activity of a Direct Line conversation's transcript.</summary>
public sealed class DirectLineActivityRecord
{
    /// <summary>Given by the store, growing in commit order across all conversations, so it only grows within each: it is the watermark.</summary>
    public long Seq { get; set; }

    /// <summary>
    /// What makes appending idempotent: the gateway's inbound message id for a user's message, the outbox id for a reply,
    /// the upload's id for a notice. Appending a key that is there already adds nothing.
    /// </summary>
    public string Key { get; set; } = "";

    public string ConversationId { get; set; } = "";

    /// <summary>"user" or "bot", as Direct Line's from.role.</summary>
    public string Role { get; set; } = "";

    public string FromId { get; set; } = "";
    public string? FromName { get; set; }
    public string Text { get; set; } = "";

    /// <summary>"markdown" for the bot's answers; null for what the user typed (plain).</summary>
    public string? TextFormat { get; set; }

    public string? Locale { get; set; }

    /// <summary>The user's channelData, as JSON, echoed back so Web Chat recognises its own message.</summary>
    public string? ChannelDataJson { get; set; }

    /// <summary>Suggested actions (imBack): YES/NO of a confirmation, menu items.</summary>
    public List<string> Choices { get; set; } = [];

    /// <summary>The Direct Line id of the activity this one answers.</summary>
    public string? ReplyToId { get; set; }

    public DateTimeOffset Timestamp { get; set; }

    /// <summary>Direct Line's activity id: "conversation|seq", as the service writes it. Derived, not stored.</summary>
    public string ActivityId => ConversationId + "|" + Seq.ToString("D7", CultureInfo.InvariantCulture);
}
