namespace SelfService.Channels.Ussd;

/// <summary>
/// The USSD channel. A reply with choices continues the session (the customer picks a number); a reply without
/// ends it. Over HTTP the reply travels back in the aggregator's pending request.
/// </summary>
public sealed class UssdAdapter : IChannelAdapter
{
    private readonly UssdReplyRendezvous _rendezvous;

    internal UssdAdapter(UssdReplyRendezvous rendezvous) => _rendezvous = rendezvous;

    public ChannelProfile Profile { get; } = new(ChannelNames.Ussd, ReplyForm.Ussd, MaxSmsParts: 1, SenderIsMsisdn: true);

    public Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        if (message.InReplyTo is { } inboundId && _rendezvous.TryDeliver(inboundId, message)) return Task.FromResult(SendResult.Sent);
        // USSD is session-bound: a reply for a session that has ended (or one the gateway did not start) cannot be delivered later.
        return Task.FromResult(SendResult.Fail("the USSD session of this reply is over"));
    }

    /// <summary>CON keeps the session open for the customer's next input; END closes it.</summary>
    public static bool ContinuesSession(OutboundMessage reply) => reply.Choices.Count > 0;
}
