namespace SelfService.Channels.WebChat;

/// <summary>
/// The gateway's own web chat: replies land in the conversation's transcript, which the page reads with a
/// watermark. Appending is idempotent by outbox id, so a retried send never shows a reply twice.
/// </summary>
public sealed class WebChatAdapter(WebChatStore store, TimeProvider time) : IChannelAdapter
{
    public ChannelProfile Profile { get; } = new(ChannelNames.WebChat, ReplyForm.Long, MaxSmsParts: 0, SenderIsMsisdn: false, IdempotentSends: true);

    public Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        if (!store.Exists(message.Address)) return Task.FromResult(SendResult.Fail($"web conversation {message.Address} does not exist"));
        store.Append(new WebChatActivity
        {
            ActivityId = message.Id, ConversationId = message.Address, From = "bot", Text = message.Text,
            Choices = [.. message.Choices], At = time.GetUtcNow(),
        });
        return Task.FromResult(SendResult.Sent);
    }
}
