namespace SelfService.Channels.DirectLine;

/// <summary>Bound from "Channels:DirectLine". The channel is on when <see cref="Enabled"/> is true.</summary>
public sealed class DirectLineOptions
{
    public const string Section = "Channels:DirectLine";

    /// <summary>Shortest secret accepted: a secret opens every conversation, so it must not be guessable.</summary>
    public const int MinimumSecretLength = 32;

    public bool Enabled { get; set; }

    /// <summary>
    /// Where clients reach the gateway ("https://chat.operator.example"): the base of the streamUrl handed out. Empty: the
    /// address the client's connection arrived at (right without a proxy). Never the request's Host header, which the
    /// client chooses.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// The Direct Line secrets a trusted server (not a browser) trades for tokens. More than one lets an operator rotate
    /// them. There is no default: the gateway's own page gets its token from /api/directline/session instead.
    /// </summary>
    public List<string> Secrets { get; set; } = [];

    /// <summary>
    /// The HMAC-SHA256 key that signs tokens, base64, at least 32 bytes. When empty, a random key is generated once and
    /// kept in the gateway's database, so tokens survive a restart.
    /// </summary>
    public string? TokenSigningKey { get; set; }

    /// <summary>How long a token lives; Direct Line clients refresh at half of it (15 of 30 minutes).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How long after its expiry the gateway's page may still trade a token it kept for a fresh one for the same
    /// conversation (a reload after a long pause resumes the conversation instead of starting a new one).
    /// </summary>
    public TimeSpan PageResumeWindow { get; set; } = TimeSpan.FromDays(1);

    /// <summary>A posted activity larger than this is refused with 413.</summary>
    public int MaxActivityBytes { get; set; } = 256 * 1024;

    /// <summary>An upload (activity plus files) larger than this is refused with 413.</summary>
    public long MaxUploadBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// Activity sets waiting for one WebSocket; a client that lets more pile up is disconnected (it resumes by watermark).
    /// One turn alone queues three (the customer's own message, typing, the reply), so fewer than four would drop
    /// healthy clients whenever the socket's writer had not yet sent the first.
    /// </summary>
    public int StreamQueueCapacity { get; set; } = 64;

    /// <summary>A WebSocket send that takes longer than this drops the socket.</summary>
    public TimeSpan StreamSendTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The bot's account in activities ("from").</summary>
    public string BotId { get; set; } = "selfservice";

    public string BotName { get; set; } = "SelfService";

    /// <summary>Every problem with the settings, each naming its setting; empty when they are fine.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Secrets.Count == 0)
            problems.Add($"{Section}:Secrets must list at least one secret (a random string of {MinimumSecretLength}+ characters)");
        for (var i = 0; i < Secrets.Count; i++)
            if (string.IsNullOrWhiteSpace(Secrets[i]) || Secrets[i].Trim().Length < MinimumSecretLength)
                problems.Add($"{Section}:Secrets:{i} must be at least {MinimumSecretLength} characters");
        if (Secrets.Count != Secrets.Distinct(StringComparer.Ordinal).Count())
            problems.Add($"{Section}:Secrets has the same secret twice");
        if (!string.IsNullOrEmpty(PublicBaseUrl)
            && !(Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var publicBase) && (publicBase.Scheme == Uri.UriSchemeHttps || publicBase.Scheme == Uri.UriSchemeHttp)))
            problems.Add($"{Section}:PublicBaseUrl must be an absolute http or https address, like https://chat.operator.example");
        if (!string.IsNullOrEmpty(TokenSigningKey) && TokenSigningKeys.TryDecode(TokenSigningKey) is null)
            problems.Add($"{Section}:TokenSigningKey must be base64 of at least {TokenSigningKeys.MinimumKeyBytes} bytes");
        if (TokenLifetime < TimeSpan.FromMinutes(1) || TokenLifetime > TimeSpan.FromDays(1))
            problems.Add($"{Section}:TokenLifetime must be between 00:01:00 and 1.00:00:00");
        if (PageResumeWindow < TimeSpan.Zero) problems.Add($"{Section}:PageResumeWindow must not be negative");
        if (MaxActivityBytes is < 1024 or > 16 * 1024 * 1024) problems.Add($"{Section}:MaxActivityBytes must be between 1024 and 16777216");
        if (MaxUploadBytes < MaxActivityBytes || MaxUploadBytes > 256L * 1024 * 1024)
            problems.Add($"{Section}:MaxUploadBytes must be between MaxActivityBytes and 268435456");
        if (StreamQueueCapacity is < 4 or > 10_000) problems.Add($"{Section}:StreamQueueCapacity must be between 4 and 10000 (one turn queues three activity sets)");
        if (StreamSendTimeout <= TimeSpan.Zero) problems.Add($"{Section}:StreamSendTimeout must be positive");
        if (string.IsNullOrWhiteSpace(BotId)) problems.Add($"{Section}:BotId must not be empty");
        if (string.IsNullOrWhiteSpace(BotName)) problems.Add($"{Section}:BotName must not be empty");
        return problems;
    }
}
