namespace SelfService.Storage.Conversations;

/// <summary>A service change the customer must confirm before it runs.</summary>
public sealed class PendingChange
{
    public string ActionCode { get; set; } = "";
    public string ServiceCode { get; set; } = "";

    /// <summary>The provisioning idempotency key: the inbound message that asked for the change.</summary>
    public string RequestId { get; set; } = "";

    public bool NeedsPin { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}
