using SelfService.Storage.Conversations;
using SelfService.Storage.History;
using SelfService.Storage.Messages;

namespace SelfService.Storage.Contract;

/// <summary>Records as the pipeline makes them, with only what a test cares about to fill in.</summary>
internal static class Records
{
    public static InboundRecord Inbound(string id, string channel, string channelMessageId, DateTimeOffset at, string sender = "+79161234567", string text = "BAL") => new()
    {
        Id = id, DedupKey = channel + "|" + channelMessageId, Channel = channel, ChannelMessageId = channelMessageId,
        SenderAddress = sender, Text = text, SessionId = sender, ReceivedAt = at, State = InboundState.Accepted,
    };

    public static OutboxRecord Outbox(string id, DateTimeOffset due, string channel = "sms", string text = "reply", string address = "+79161234567") => new()
    {
        Id = id, Channel = channel, Address = address, Text = text, SessionId = address, State = OutboxState.Pending,
        CreatedAt = due, NextAttemptAt = due,
    };

    public static HistoryEntry Line(string id, string channel, string address, DateTimeOffset at, HistoryKind kind = HistoryKind.Inbound, string? customerId = null,
        string? outcome = null) => new()
    {
        Id = id, Channel = channel, Address = address, At = at, Kind = kind, CustomerId = customerId, Text = id, Outcome = outcome,
    };

    /// <summary>The commit of a message that changed nothing but its processed mark.</summary>
    public static ProcessingCommit Nothing(string inboundId, ConversationState state, DateTimeOffset at) =>
        new(inboundId, "Executed", at, state, [], [], []);
}
