using SelfService.Channels.Smpp;
using SelfService.Messaging;

namespace SelfService.Channels.Ussd;

/// <summary>
/// The USSD channel. A reply with choices continues the session (the customer picks a number); a reply without
/// ends it. The reply goes back the way the customer's input came: in the aggregator's pending HTTP request, or as a
/// submit_sm on the SMPP bind.
/// </summary>
public sealed class UssdAdapter : IChannelAdapter
{
    private readonly IReadOnlyList<IUssdTransport> _transports;

    internal UssdAdapter(IEnumerable<IUssdTransport> transports) => _transports = [.. transports];

    public ChannelProfile Profile { get; } = new(ChannelNames.Ussd, ReplyForm.Ussd, MaxSmsParts: 1, SenderIsMsisdn: true, Measure: GsmMeasure.Measure);

    public Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        foreach (var transport in _transports)
            if (transport.Carries(message)) return transport.SendAsync(message, cancellationToken);
        // USSD is session-bound: a reply for a session that has ended (or one the gateway did not start) cannot be delivered later.
        return Task.FromResult(SendResult.Fail("the USSD session of this reply is over: it ended, timed out, or the gateway restarted"));
    }

    /// <summary>CON keeps the session open for the customer's next input; END closes it.</summary>
    public static bool ContinuesSession(OutboundMessage reply) => reply.Choices.Count > 0;
}
