using SelfService.Messaging;

namespace SelfService.Channels.Voice;

/// <summary>
/// The voice channel. A reply to the key a caller pressed goes to their call, which speaks it. Anything else for a caller
/// (an agent's answer, a reply come too late for the call) reaches them by a call back (<see cref="VoiceCallbacks"/>),
/// which only the channel of proven numbers can place: a number from an untrusted address may be anyone's. Two of them:
/// calls over the trusted trunks, whose caller's number is theirs, and calls from anywhere else, whose is not.
/// </summary>
internal sealed class VoiceAdapter(VoiceReplyRendezvous replies, VoiceCallbacks? callbacks) : IChannelAdapter
{
    public ChannelProfile Profile { get; } = callbacks is not null
        ? new(ChannelNames.Voice, ReplyForm.Voice, MaxSmsParts: 1, SenderIsMsisdn: true)
        : new(ChannelNames.VoiceUnproven, ReplyForm.Voice, MaxSmsParts: 1, SenderIsMsisdn: false);

    public Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        if (message.InReplyTo is { } inboundId && replies.TryDeliver(inboundId, message)) return Task.FromResult(SendResult.Sent);
        return callbacks is null
            ? Task.FromResult(SendResult.Fail("the caller's number was not proven (the call came from outside the trusted trunks), so nobody can call them back"))
            : callbacks.DeliverAsync(message, cancellationToken);
    }
}
