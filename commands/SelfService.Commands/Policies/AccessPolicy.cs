using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace SelfService.Commands.Policies;

/// <summary>Applies <see cref="AccessPolicyOptions"/>: identity, channels, confirmation, PIN and the per-sender rate limit.</summary>
public sealed class AccessPolicy : IDisposable
{
    private static readonly CommandRule Open = new();
    private readonly AccessPolicyOptions _options;
    private readonly PartitionedRateLimiter<string> _rate;

    public AccessPolicy(IOptions<AccessPolicyOptions> options)
    {
        _options = options.Value;
        _rate = PartitionedRateLimiter.Create<string, string>(sender => RateLimitPartition.GetSlidingWindowLimiter(sender,
            _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = _options.MessagesPerMinute, Window = TimeSpan.FromMinutes(1), SegmentsPerWindow = 6, QueueLimit = 0,
            }));
    }

    public AccessPolicyOptions Options => _options;

    public bool IsTrustedChannel(string channel) => _options.TrustedChannels.Contains(channel, StringComparer.OrdinalIgnoreCase);

    public CommandRule RuleFor(string code) => _options.Commands.TryGetValue(code, out var rule) ? rule : Open;

    public PolicyDecision Check(string code, string channel, bool identified)
    {
        var rule = RuleFor(code);
        if (rule.Channels.Count > 0 && !rule.Channels.Contains(channel, StringComparer.OrdinalIgnoreCase)) return PolicyDecision.ChannelNotAllowed;
        if (rule.RequiresIdentity && !identified) return PolicyDecision.NeedsIdentity;
        return PolicyDecision.Allowed;
    }

    public bool NeedsPin(string code, string channel) => RuleFor(code).Pin switch
    {
        PinRule.Always => true,
        PinRule.UntrustedChannels => !IsTrustedChannel(channel),
        _ => false,
    };

    /// <summary>False when the sender has used up this minute's allowance.</summary>
    public bool TryConsumeMessage(string senderKey)
    {
        using var lease = _rate.AttemptAcquire(senderKey);
        return lease.IsAcquired;
    }

    public void Dispose() => _rate.Dispose();
}
