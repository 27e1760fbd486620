using System.Text.RegularExpressions;

namespace SelfService.Channels.Telegram;

/// <summary>Bound from "Channels:Telegram". The channel is on when <see cref="Enabled"/> is true.</summary>
public sealed partial class TelegramOptions
{
    public const string Section = "Channels:Telegram";

    public bool Enabled { get; set; }

    /// <summary>The bot's token from @BotFather, "123456789:AA...". Never logged.</summary>
    public string Token { get; set; } = "";

    /// <summary>A local Bot API server (e.g. http://127.0.0.1:8081); empty means api.telegram.org.</summary>
    public string? ApiBaseUrl { get; set; }

    public TelegramMode Mode { get; set; } = TelegramMode.Polling;

    /// <summary>Webhook mode: the public https address of this gateway's /api/telegram/webhook, given to setWebhook.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Webhook mode: Telegram sends it in X-Telegram-Bot-Api-Secret-Token; 1-256 of A-Z a-z 0-9 _ -.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Polling mode: how long one getUpdates waits for an update (whole seconds).</summary>
    public TimeSpan PollingTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The first pause after a failed getUpdates or setWebhook; it doubles up to <see cref="ReconnectMaxDelay"/>.</summary>
    public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one Bot API call (other than a long poll) may take before it counts as failed.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The pause after another failure in a row: twice the last, at most <see cref="ReconnectMaxDelay"/>.</summary>
    public TimeSpan NextReconnectDelay(TimeSpan last) => TimeSpan.FromTicks(Math.Min(last.Ticks * 2, ReconnectMaxDelay.Ticks));

    /// <summary>Every problem with these settings, each naming its setting; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!Enabled) return problems;
        if (!TokenFormat().IsMatch(Token ?? ""))
            problems.Add($"{Section}:Token must be a bot token like 123456789:AAH... (digits, a colon, then at least 30 letters, digits, '_' or '-')");
        if (!string.IsNullOrWhiteSpace(ApiBaseUrl) && !IsHttpUrl(ApiBaseUrl))
            problems.Add($"{Section}:ApiBaseUrl must be an absolute http or https URL, or empty for api.telegram.org");
        if (!Enum.IsDefined(Mode)) problems.Add($"{Section}:Mode must be Polling or Webhook");
        if (Mode == TelegramMode.Webhook)
        {
            if (string.IsNullOrWhiteSpace(WebhookUrl) || !IsHttpUrl(WebhookUrl))
                problems.Add($"{Section}:WebhookUrl must be the absolute http(s) URL of this gateway's /api/telegram/webhook in Webhook mode");
            if (!SecretFormat().IsMatch(WebhookSecret ?? ""))
                problems.Add($"{Section}:WebhookSecret must be 1-256 characters of A-Z, a-z, 0-9, '_' and '-' in Webhook mode");
        }
        if (PollingTimeout < TimeSpan.Zero || PollingTimeout > TimeSpan.FromMinutes(5) || PollingTimeout.Ticks % TimeSpan.TicksPerSecond != 0)
            problems.Add($"{Section}:PollingTimeout must be whole seconds between 0 and 00:05:00");
        if (ReconnectMinDelay <= TimeSpan.Zero) problems.Add($"{Section}:ReconnectMinDelay must be positive");
        if (ReconnectMaxDelay < ReconnectMinDelay) problems.Add($"{Section}:ReconnectMaxDelay must not be less than ReconnectMinDelay");
        if (RequestTimeout <= TimeSpan.Zero) problems.Add($"{Section}:RequestTimeout must be positive");
        return problems;
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    [GeneratedRegex("^[0-9]{1,20}:[A-Za-z0-9_-]{30,100}$")]
    private static partial Regex TokenFormat();

    // https://core.telegram.org/bots/api#setwebhook: secret_token, 1-256 characters, A-Z a-z 0-9 _ -.
    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretFormat();
}
