namespace SelfService.Storage.Channels;

/// <summary>One line of a web conversation's transcript, in the order the browser shows it.</summary>
public sealed class WebChatActivity
{
    /// <summary>Given by the store, growing in commit order: the browser asks for everything after the last one it has (its watermark).</summary>
    public long Seq { get; set; }

    /// <summary>The inbound message id or outbox id: unique, so a repeated send adds nothing.</summary>
    public string ActivityId { get; set; } = "";

    public string ConversationId { get; set; } = "";

    /// <summary>"user" or "bot".</summary>
    public string From { get; set; } = "";

    public string Text { get; set; } = "";
    public List<string> Choices { get; set; } = [];
    public DateTimeOffset At { get; set; }
}
