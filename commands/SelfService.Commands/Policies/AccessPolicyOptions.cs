namespace SelfService.Commands.Policies;

/// <summary>Who may do what on which channel. Bound from the "AccessPolicies" configuration section.</summary>
public sealed class AccessPolicyOptions
{
    public const string Section = "AccessPolicies";

    /// <summary>Channels whose sender address is an MSISDN the operator's network vouches for.</summary>
    public List<string> TrustedChannels { get; set; } = ["sms", "ussd", "voice"];

    /// <summary>Rules per action code (BAL, ACT...). A code with no rule is open to everyone.</summary>
    public Dictionary<string, CommandRule> Commands { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public TimeSpan ConfirmationWindow { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan LinkCodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Wrong codes one conversation may type for one code.</summary>
    public int LinkCodeAttempts { get; set; } = 3;

    /// <summary>Codes sent to one number per hour and per day, whoever asks: bounds SMS pumping and guessing.</summary>
    public int LinkCodesPerNumberPerHour { get; set; } = 3;

    public int LinkCodesPerNumberPerDay { get; set; } = 5;

    /// <summary>Wrong codes for one number within a day, counted across ALL conversations, before the number is locked.</summary>
    public int LinkFailuresBeforeLock { get; set; } = 5;

    /// <summary>How long a number stays locked for linking after <see cref="LinkFailuresBeforeLock"/> wrong codes.</summary>
    public TimeSpan LinkLockDuration { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Codes one conversation may ask for per hour (any numbers).</summary>
    public int LinkCodesPerConversationPerHour { get; set; } = 3;

    /// <summary>Codes asked for from one client address per hour, where the channel knows it (web chat, Direct Line).</summary>
    public int LinkCodesPerClientPerHour { get; set; } = 5;

    /// <summary>Messages one sender may send per minute before polite refusals start.</summary>
    public int MessagesPerMinute { get; set; } = 30;

    /// <summary>Where one-time codes for linking are sent (the channel must reach phones).</summary>
    public string LinkCodeChannel { get; set; } = "sms";
}
