namespace SelfService.Gateway.Hosting;

/// <summary>Bound from "RateLimits": requests per client address on the anonymous surfaces.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Web chat conversations, Direct Line sessions, tokens and conversations.</summary>
    public RateLimitRule CreateConversation { get; set; } = new() { PermitsPerMinute = 10, Burst = 20 };

    /// <summary>Messages and uploads into an existing conversation.</summary>
    public RateLimitRule PostMessage { get; set; } = new() { PermitsPerMinute = 120, Burst = 60 };

    /// <summary>The USSD aggregator's callback: one aggregator address carries every subscriber's sessions.</summary>
    public RateLimitRule UssdCallback { get; set; } = new() { PermitsPerMinute = 3000, Burst = 500 };

    /// <summary>Telegram's webhook: Telegram's few addresses carry every chat.</summary>
    public RateLimitRule TelegramWebhook { get; set; } = new() { PermitsPerMinute = 3000, Burst = 500 };

    public IEnumerable<string> Problems()
    {
        foreach (var (name, rule) in new[] { (nameof(CreateConversation), CreateConversation), (nameof(PostMessage), PostMessage), (nameof(UssdCallback), UssdCallback), (nameof(TelegramWebhook), TelegramWebhook) })
        {
            if (rule.PermitsPerMinute < 1) yield return $"RateLimits:{name}:PermitsPerMinute must be at least 1.";
            if (rule.Burst < 1) yield return $"RateLimits:{name}:Burst must be at least 1.";
        }
    }
}

/// <summary>A token bucket per client address: <see cref="Burst"/> at once, refilled at <see cref="PermitsPerMinute"/>.</summary>
public sealed class RateLimitRule
{
    public int PermitsPerMinute { get; set; }

    public int Burst { get; set; }
}
