using SelfService.Messaging;

namespace SelfService.Channels.Voice;

/// <summary>
/// The voice channel: a reply goes to the call whose key it answers, which speaks it. A reply for a call that has ended
/// cannot be spoken later, so it fails (an agent's later answer to a caller reaches them by the callback, not here). Two
/// of them: calls over the trusted trunks, whose caller's number is theirs, and calls from anywhere else, whose is not.
/// </summary>
internal sealed class VoiceAdapter(VoiceReplyRendezvous replies, bool overTrustedTrunk) : IChannelAdapter
{
    public ChannelProfile Profile { get; } = overTrustedTrunk
        ? new(ChannelNames.Voice, ReplyForm.Voice, MaxSmsParts: 1, SenderIsMsisdn: true)
        : new(ChannelNames.VoiceUnproven, ReplyForm.Voice, MaxSmsParts: 1, SenderIsMsisdn: false);

    public Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken) =>
        Task.FromResult(message.InReplyTo is { } inboundId && replies.TryDeliver(inboundId, message)
            ? SendResult.Sent
            : SendResult.Fail("the call of this reply is over: the caller hung up, or the gateway restarted"));
}
