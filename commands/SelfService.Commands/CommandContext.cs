using SelfService.Channels;
using SelfService.Commands.Conversations;
using SelfService.Commands.Customers;

namespace SelfService.Commands;

/// <summary>Everything a command handler needs about the message being processed, and what it decided.</summary>
internal sealed class CommandContext(InboundMessage message, ChannelProfile channel, Customer? customer, ConversationState state, string language)
{
    public InboundMessage Message { get; } = message;
    public ChannelProfile Channel { get; } = channel;
    public Customer? Customer { get; set; } = customer;
    public ConversationState State { get; } = state;
    public string Language { get; } = language;

    public List<Outgoing> Extra { get; } = [];

    public Outgoing ToSender(Reply reply) => new(Message.Channel, Message.SenderAddress, Message.SessionId, reply);
}
