using SelfService.Messaging;
using SelfService.Storage.Conversations;
using SelfService.Storage.Customers;
using SelfService.Storage.History;

namespace SelfService.Commands;

/// <summary>
/// The processor's verdict on one message: the resolved envelope, what happened and what to send, and everything it
/// changed, which the caller stores in one commit before anyone hears of it.
/// </summary>
public sealed record CommandOutcome(
    InboundMessage Message,
    CommandOutcomeKind Kind,
    string? Subject,
    IReadOnlyList<Outgoing> Replies,
    ConversationState Conversation,
    IReadOnlyList<Customer> Customers,
    IReadOnlyList<HistoryEntry> History,
    IReadOnlyList<Action> AfterCommit);
