using SelfService.Messaging;
using SelfService.Storage.Conversations;
using SelfService.Storage.Customers;
using SelfService.Storage.History;

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

    /// <summary>History lines the handlers wrote; stored with the message's commit.</summary>
    public List<HistoryEntry> History { get; } = [];

    /// <summary>Customers created or changed; stored with the message's commit.</summary>
    public List<Customer> ChangedCustomers { get; } = [];

    /// <summary>What others (the agents' desk) must hear of once the commit has landed, not before.</summary>
    public List<Action> AfterCommit { get; } = [];

    public Outgoing ToSender(Reply reply) => new(Message.Channel, Message.SenderAddress, Message.SessionId, reply);
}
