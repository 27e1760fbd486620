namespace SelfService.Channels;

/// <summary>
/// Names of the per-client-address rate-limit policies the host registers (ASP.NET Core's rate limiter) and the
/// channels' anonymous endpoints require: a channel says which kind of request it is, the host decides how many.
/// </summary>
public static class AnonymousRateLimits
{
    /// <summary>Creating a conversation or session (web chat, Direct Line): each one costs storage.</summary>
    public const string CreateConversation = "anonymous-create";

    /// <summary>A customer's message into an existing conversation.</summary>
    public const string PostMessage = "anonymous-post";

    /// <summary>The USSD aggregator's callback: one address carries many subscribers.</summary>
    public const string UssdCallback = "ussd-callback";

    /// <summary>Telegram's webhook: Telegram's servers carry every chat.</summary>
    public const string TelegramWebhook = "telegram-webhook";
}
