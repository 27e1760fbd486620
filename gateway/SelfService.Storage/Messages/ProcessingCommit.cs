using SelfService.Storage.Conversations;
using SelfService.Storage.Customers;
using SelfService.Storage.History;

namespace SelfService.Storage.Messages;

/// <summary>
/// Everything one processed message changes, written in one commit: the processed mark, the sender's conversation
/// state, customers created or changed, the history lines and the replies to send. Either all of it is stored or none,
/// so a crash re-runs the message from the start and finds nothing half done.
/// </summary>
public sealed record ProcessingCommit(
    string InboundId,
    string Outcome,
    DateTimeOffset ProcessedAt,
    ConversationState Conversation,
    IReadOnlyList<Customer> Customers,
    IReadOnlyList<HistoryEntry> History,
    IReadOnlyList<OutboxRecord> Outbox)
{
    /// <summary>
    /// The lease of the connection the message came in on, with the token it was accepted under: the commit is refused
    /// (<see cref="Leases.StaleLeaseException"/>) once another instance took that connection over, since the new owner
    /// runs the message itself.
    /// </summary>
    public Leases.LeaseFence? Fence { get; init; }
}
