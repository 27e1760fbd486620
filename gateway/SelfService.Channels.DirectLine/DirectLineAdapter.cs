using SelfService.Channels.DirectLine.Streaming;
using SelfService.Channels.DirectLine.Transcript;
using SelfService.Messaging;

namespace SelfService.Channels.DirectLine;

/// <summary>
/// Replies become message activities from the bot in the conversation's transcript (Markdown, choices as suggested
/// actions), pushed to its WebSocket. Appending is keyed by outbox id, so a resent reply shows once.
/// </summary>
public sealed class DirectLineAdapter(DirectLineTranscripts transcripts, ConversationStreams streams, ActivityMapper mapper, TimeProvider time) : IChannelAdapter
{
    public ChannelProfile Profile { get; } = new(ChannelNames.DirectLine, ReplyForm.Long, MaxSmsParts: 0, SenderIsMsisdn: false, IdempotentSends: true);

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        if (!await transcripts.ExistsAsync(message.Address, cancellationToken)) return SendResult.Fail($"Direct Line conversation {message.Address} does not exist");
        // After the echo of the message it answers, never before (see ConversationStreams.ArrivalAsync).
        using (await streams.ArrivalAsync(message.Address, cancellationToken))
        {
            var replyTo = message.InReplyTo is null ? null : (await transcripts.FindByKeyAsync(message.InReplyTo, cancellationToken))?.ActivityId;
            await streams.AppendAsync(mapper.BotRecord(message.Id, message.Address, message.Text, message.Choices, replyTo, time.GetUtcNow()), cancellationToken);
        }
        return SendResult.Sent;
    }
}
