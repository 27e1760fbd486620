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

    /// <summary>Delivers one message. Never throws for delivery problems: it classifies them in the result.</summary>
    Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken);
}
