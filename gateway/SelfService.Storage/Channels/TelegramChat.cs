namespace SelfService.Storage.Channels;

/// <summary>What the Telegram channel remembers about a private chat.</summary>
public sealed class TelegramChat
{
    public long Id { get; set; }

    /// <summary>Why sends to this chat fail (the user blocked the bot), until the user writes again; null when reachable.</summary>
    public string? UnreachableReason { get; set; }

    public DateTimeOffset? UnreachableSince { get; set; }

    /// <summary>The "share my phone number" keyboard is showing, so the first reply after linking takes it away.</summary>
    public bool ShareContactShown { get; set; }
}
