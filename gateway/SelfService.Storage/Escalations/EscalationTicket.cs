namespace SelfService.Storage.Escalations;

/// <summary>A conversation handed to people: who, on which channel, why, and where it stands.</summary>
public sealed class EscalationTicket
{
    /// <summary>The group of a ticket no configured group claims.</summary>
    public const string GeneralGroup = "general";

    public string Id { get; set; } = "";
    public string? CustomerId { get; set; }
    public string Channel { get; set; } = "";
    public string Address { get; set; } = "";
    public string SessionId { get; set; } = "";
    public string Language { get; set; } = "";

    /// <summary>Why the bot gave up ("asked-for-agent", "unanswered-questions", "callback").</summary>
    public string Reason { get; set; } = "";

    /// <summary>What it is about: the menu the customer was in ("menu:activate") or the knowledge base's category of the question.</summary>
    public string Topic { get; set; } = "";

    /// <summary>The queue group that handles it, chosen by topic and language, or set by a transfer.</summary>
    public string Group { get; set; } = GeneralGroup;

    /// <summary>What the customer last asked, so the agent starts with context.</summary>
    public string LastQuestion { get; set; } = "";

    public EscalationState State { get; set; }
    public DateTimeOffset EnqueuedAt { get; set; }
    public DateTimeOffset? TakenAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? Agent { get; set; }

    /// <summary>The customer would rather be called back than wait: a task for the desk.</summary>
    public CallbackRequest? Callback { get; set; }
}
