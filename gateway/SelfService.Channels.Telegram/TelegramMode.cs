namespace SelfService.Channels.Telegram;

/// <summary>How updates reach the gateway.</summary>
public enum TelegramMode
{
    /// <summary>The gateway asks the Bot API (getUpdates with a timeout): works behind any firewall.</summary>
    Polling,

    /// <summary>The Bot API posts each update to <see cref="TelegramOptions.WebhookUrl"/>, which must reach this gateway.</summary>
    Webhook,
}
