using LiteDB;

namespace SelfService.Commands.Escalation;

/// <summary>A conversation handed to people: who, on which channel, why, and where it stands.</summary>
public sealed class EscalationTicket
{
    [BsonId]
    public string Id { get; set; } = "";
    public string? CustomerId { get; set; }
    public string Channel { get; set; } = "";
    public string Address { get; set; } = "";
    public string SessionId { get; set; } = "";
    public string Language { get; set; } = "";

    /// <summary>Why the bot gave up: one of <see cref="EscalationReasons"/>.</summary>
    public string Reason { get; set; } = "";

    /// <summary>What the customer last asked, so the agent starts with context.</summary>
    public string LastQuestion { get; set; } = "";

    public EscalationState State { get; set; }
    public DateTimeOffset EnqueuedAt { get; set; }
    public DateTimeOffset? TakenAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? Agent { get; set; }
}

public enum EscalationState { Waiting, Taken, Closed }
