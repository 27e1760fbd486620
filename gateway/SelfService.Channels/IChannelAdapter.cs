using SelfService.Messaging;

namespace SelfService.Channels;

/// <summary>
/// The contract every channel implements. Receiving is the adapter's own business (an HTTP route, an SMPP
/// session, an IMAP IDLE loop); it hands each normalized <see cref="InboundMessage"/> to <see cref="IInboundSink"/>
/// and acknowledges the channel only after the sink accepted it. Sending is this one method, called by the outbox.
/// </summary>
public interface IChannelAdapter
{
    ChannelProfile Profile { get; }

    /// <summary>
    /// The channel's connection belongs to another instance now (several gateways on one store, and this one lost the
    /// connection's lease or never held it). The outbox then leaves the channel's messages to that instance: it does not
    /// take them, and a send that did not go out is not written back, so this instance's stale view of a record never
    /// overwrites what the owner records. A connection that is merely down on its owner is not "elsewhere".
    /// </summary>
    bool HeldElsewhere => false;

    /// <summary>Delivers one message. Never throws for delivery problems: it classifies them in the result.</summary>
    Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken);
}
