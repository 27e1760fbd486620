namespace SelfService.Commands.Policies;

/// <summary>What one action code needs before it runs.</summary>
public sealed class CommandRule
{
    /// <summary>The sender must be a known customer: an MSISDN on a trusted channel, or a linked address.</summary>
    public bool RequiresIdentity { get; set; }

    /// <summary>The customer must answer YES within <see cref="AccessPolicyOptions.ConfirmationWindow"/>.</summary>
    public bool Confirm { get; set; }

    public PinRule Pin { get; set; } = PinRule.Never;

    /// <summary>Channels the code works on; empty means all.</summary>
    public List<string> Channels { get; set; } = [];
}

public enum PinRule
{
    Never,
    Always,

    /// <summary>Only where the channel does not vouch for the number (web, email, Telegram).</summary>
    UntrustedChannels,
}
