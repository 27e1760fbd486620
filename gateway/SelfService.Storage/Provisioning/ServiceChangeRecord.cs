namespace SelfService.Storage.Provisioning;

/// <summary>
/// One change request to the embedded provisioning backend and what came of it: the idempotency record of its
/// <see cref="RequestId"/> (a repeat gets the same answer) and the subscriber's audit entry.
/// </summary>
public sealed class ServiceChangeRecord
{
    public string RequestId { get; set; } = "";
    public string Msisdn { get; set; } = "";
    public string ServiceCode { get; set; } = "";

    /// <summary>"Activate" or "Deactivate".</summary>
    public string Change { get; set; } = "";

    public string Channel { get; set; } = "";

    /// <summary>The outcome's name (Done, AlreadyInState, InsufficientFunds, UnknownService, UnknownSubscriber).</summary>
    public string Outcome { get; set; } = "";

    public decimal Charged { get; set; }
    public decimal BalanceBefore { get; set; }
    public decimal BalanceAfter { get; set; }
    public DateTimeOffset At { get; set; }
}
