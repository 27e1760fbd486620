using System.Text.Json;
using SelfService.Channels.DirectLine.Protocol;
using SelfService.Messaging;
using SelfService.Storage.Channels;

namespace SelfService.Channels.DirectLine;

/// <summary>Between Direct Line activities, the transcript and the gateway's envelopes.</summary>
public sealed class ActivityMapper(string botId, string botName)
{
    public const string ChannelId = "directline";
    public const int MaxClientIdLength = 100;

    /// <summary>The envelope for a user's message activity. Its client id makes a re-posted activity a redelivery.</summary>
    public static InboundMessage ToInbound(Activity activity, string conversationId, DateTimeOffset now) =>
        InboundMessage.Received(ChannelNames.DirectLine, conversationId + ":" + (ClientId(activity) ?? Guid.NewGuid().ToString("N")),
            conversationId, activity.Text ?? "", conversationId, now, LanguageHint(activity.Locale));

    /// <summary>
    /// The id the client gave its activity: Web Chat's channelData.clientActivityID, or the activity's own id. Null when
    /// there is none; "" when it is unusable (too long), which the caller refuses.
    /// </summary>
    public static string? ClientId(Activity activity)
    {
        string? id = null;
        if (activity.ChannelData is { ValueKind: JsonValueKind.Object } data
            && data.TryGetProperty("clientActivityID", out var client) && client.ValueKind == JsonValueKind.String)
            id = client.GetString();
        if (string.IsNullOrWhiteSpace(id)) id = activity.Id;
        if (string.IsNullOrWhiteSpace(id)) return null;
        id = id.Trim();
        return id.Length <= MaxClientIdLength ? id : "";
    }

    /// <summary>"ru-RU" → "ru", "en-GB" → "en"; other languages give no hint.</summary>
    public static string? LanguageHint(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale)) return null;
        var language = locale.Split('-', '_')[0].Trim().ToLowerInvariant();
        return language is "ru" or "en" ? language : null;
    }

    /// <summary>The user's message as it goes into the transcript, keyed by the gateway's message id.</summary>
    public static DirectLineActivityRecord UserRecord(Activity activity, string conversationId, string messageId, DateTimeOffset now) => new()
    {
        Key = messageId, ConversationId = conversationId, Role = "user",
        FromId = string.IsNullOrWhiteSpace(activity.From?.Id) ? "user" : activity.From.Id, FromName = activity.From?.Name,
        Text = activity.Text ?? "", Locale = activity.Locale, Timestamp = now,
        ChannelDataJson = activity.ChannelData is { ValueKind: JsonValueKind.Object } data ? data.GetRawText() : null,
    };

    /// <summary>A reply from the bot: Markdown text, its choices as suggested actions.</summary>
    public DirectLineActivityRecord BotRecord(string key, string conversationId, string text, IReadOnlyList<string> choices, string? replyToId, DateTimeOffset now) => new()
    {
        Key = key, ConversationId = conversationId, Role = "bot", FromId = botId, FromName = botName,
        Text = text, TextFormat = "markdown", Choices = [.. choices], ReplyToId = replyToId, Timestamp = now,
    };

    public static Activity ToActivity(DirectLineActivityRecord record) => new()
    {
        Type = "message", Id = record.ActivityId, Timestamp = record.Timestamp, ChannelId = ChannelId,
        From = new ChannelAccount(record.FromId, record.FromName, record.Role),
        Conversation = new ConversationAccount(record.ConversationId),
        Text = record.Text, TextFormat = record.TextFormat, Locale = record.Locale, ReplyToId = record.ReplyToId,
        SuggestedActions = record.Choices.Count == 0 ? null : new SuggestedActions([.. record.Choices.Select(c => new CardAction("imBack", c, c))]),
        ChannelData = record.ChannelDataJson is null ? null : JsonDocument.Parse(record.ChannelDataJson).RootElement.Clone(),
    };

    /// <summary>"The bot is typing": shown by Web Chat until the reply arrives; never stored, so it has no watermark.</summary>
    public Activity Typing(string conversationId, DateTimeOffset now) => new()
    {
        Type = "typing", Id = conversationId + "|typing-" + Guid.NewGuid().ToString("N"), Timestamp = now, ChannelId = ChannelId,
        From = new ChannelAccount(botId, botName, "bot"), Conversation = new ConversationAccount(conversationId),
    };

    /// <summary>The set the stream or GET …/activities returns; the watermark is the last stored activity's.</summary>
    public static ActivitySet ToSet(IReadOnlyList<DirectLineActivityRecord> records, long watermark) =>
        new([.. records.Select(ToActivity)], (records.Count > 0 ? records[^1].Seq : watermark).ToString(System.Globalization.CultureInfo.InvariantCulture));
}
