namespace SelfService.Storage.History;

/// <summary>One event in a customer's timeline: a message in, a message out, or an action taken.</summary>
public sealed class HistoryEntry
{
    public string Id { get; set; } = "";

    /// <summary>Null while the sender is not linked to a customer; filled in when they link.</summary>
    public string? CustomerId { get; set; }

    public string Channel { get; set; } = "";
    public string Address { get; set; } = "";

    /// <summary>"channel|address", so an anonymous sender's history can be claimed when they link.</summary>
    public string IdentityKey { get; set; } = "";

    public HistoryKind Kind { get; set; }
    public string Text { get; set; } = "";

    /// <summary>For inbound messages: what the command processor made of it (see <see cref="CommandOutcomeKind"/>).</summary>
    public string? Outcome { get; set; }

    /// <summary>The action code or knowledge-base article involved, if any.</summary>
    public string? Subject { get; set; }

    public string? MessageId { get; set; }
    public DateTimeOffset At { get; set; }
}

public enum HistoryKind { Inbound, Outbound, Action }
