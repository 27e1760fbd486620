namespace SelfService.Commands.Policies;

/// <summary>Who may do what on which channel. Bound from the "AccessPolicies" configuration section.</summary>
public sealed class AccessPolicyOptions
{
    public const string Section = "AccessPolicies";

    /// <summary>Channels whose sender address is an MSISDN the operator's network vouches for.</summary>
    public List<string> TrustedChannels { get; set; } = ["sms", "ussd"];

    /// <summary>Rules per action code (BAL, ACT...). A code with no rule is open to everyone.</summary>
    public Dictionary<string, CommandRule> Commands { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public TimeSpan ConfirmationWindow { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan LinkCodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    public int LinkCodeAttempts { get; set; } = 3;

    /// <summary>Messages one sender may send per minute before polite refusals start.</summary>
    public int MessagesPerMinute { get; set; } = 30;

    /// <summary>Where one-time codes for linking are sent (the channel must reach phones).</summary>
    public string LinkCodeChannel { get; set; } = "sms";
}
