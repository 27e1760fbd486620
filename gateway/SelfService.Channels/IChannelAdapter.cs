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
    /// Whether this instance can send on the channel now. False while another instance holds the channel's connection
    /// (several gateways on one store): the outbox then leaves the channel's messages to that instance instead of taking
    /// them and writing them back unsent over what the owner recorded.
    /// </summary>
    bool CanSendNow => true;

    /// <summary>
    /// The channel's connection belongs to another instance now (this one lost its lease, or never held it). A send that
    /// did not go out is then not written back: the record is the new owner's to send, and this instance's stale view of it
    /// must not overwrite what the owner records.
    /// </summary>
    bool HeldElsewhere => false;

    /// <summary>Delivers one message. Never throws for delivery problems: it classifies them in the result.</summary>
    Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken);
}
