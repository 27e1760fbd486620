namespace SelfService.Provisioning.Embedded;

/// <summary>
/// One service change attempt as the embedded store recorded it, whatever its outcome.
/// Idempotent repeats of a request are not recorded again: they change nothing.
/// </summary>
public sealed record ProvisioningAuditEntry(
    string RequestId,
    string Msisdn,
    string ServiceCode,
    ServiceChange Change,
    ServiceChangeOutcome Outcome,
    decimal Charged,
    decimal BalanceBefore,
    decimal BalanceAfter,
    string Channel,
    DateTimeOffset Timestamp);
