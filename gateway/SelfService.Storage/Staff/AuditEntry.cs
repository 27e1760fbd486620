namespace SelfService.Storage.Staff;

/// <summary>One thing a person did: who, what, to which subject (a customer, an article, an account), when, from where.</summary>
public sealed class AuditEntry
{
    /// <summary>Time-ordered: a later entry has a greater id (ordinal), which is the trail's order.</summary>
    public string Id { get; set; } = "";

    public string Actor { get; set; } = "";

    /// <summary>Dotted verb: signin, signin.failed, customer.view, ticket.take, kb.publish...</summary>
    public string Action { get; set; } = "";

    public string Subject { get; set; } = "";
    public string? Details { get; set; }
    public string? RemoteAddress { get; set; }
    public DateTimeOffset At { get; set; }
}
