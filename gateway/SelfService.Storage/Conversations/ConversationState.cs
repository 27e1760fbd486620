namespace SelfService.Storage.Conversations;

/// <summary>What the gateway remembers between two messages from one address on one channel.</summary>
public sealed class ConversationState
{
    /// <summary>"channel|address".</summary>
    public string Key { get; set; } = "";

    /// <summary>The language of the conversation so far: digits and "?" carry none of their own.</summary>
    public string? Language { get; set; }

    /// <summary>A service change waiting for YES (or a PIN).</summary>
    public PendingChange? PendingChange { get; set; }

    /// <summary>A one-time code sent to a phone, waiting to be typed here.</summary>
    public PendingLink? PendingLink { get; set; }

    /// <summary>Free-text questions in a row that the knowledge base could not answer.</summary>
    public int UnansweredInRow { get; set; }

    /// <summary>What a digit (or a button's label) picks now: a menu's items or a confirmation's YES/NO.</summary>
    public List<PendingChoice>? Choices { get; set; }

    public DateTimeOffset? ChoicesExpireAt { get; set; }

    /// <summary>The menus opened so far, innermost last: 0 goes back one.</summary>
    public List<string> MenuPath { get; set; } = [];

    /// <summary>The open escalation ticket, while the customer waits for or talks to an agent.</summary>
    public string? EscalationId { get; set; }
}
