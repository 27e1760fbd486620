using SelfService.Messaging;
using SelfService.Storage.Channels;

namespace SelfService.Channels.WebChat;

/// <summary>
/// The gateway's own web chat: replies land in the conversation's transcript, which the page reads with a
/// watermark. Appending is idempotent by outbox id, so a retried send never shows a reply twice.
/// </summary>
public sealed class WebChatAdapter(WebChatConversations conversations, TimeProvider time) : IChannelAdapter
{
    public ChannelProfile Profile { get; } = new(ChannelNames.WebChat, ReplyForm.Long, MaxSmsParts: 0, SenderIsMsisdn: false, IdempotentSends: true);

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        if (await conversations.FindAsync(message.Address, cancellationToken) is null)
            return SendResult.Fail($"web conversation {message.Address} does not exist");
        // After the line of the message it answers, never before (see WebChatConversations.ArrivalAsync).
        using var arrival = await conversations.ArrivalAsync(message.Address, cancellationToken);
        await conversations.AppendAsync(new WebChatActivity
        {
            ActivityId = message.Id, ConversationId = message.Address, From = "bot", Text = message.Text,
            Choices = [.. message.Choices], At = time.GetUtcNow(),
        }, cancellationToken);
        return SendResult.Sent;
    }
}
