namespace SelfService.Provisioning;

/// <summary>A service on the operator's catalogue. Names and descriptions are keyed by language (<c>ru</c>, <c>en</c>).</summary>
public sealed record ServiceOffer(
    string Code,
    IReadOnlyDictionary<string, string> Names,
    IReadOnlyDictionary<string, string> Descriptions,
    IReadOnlyList<string> Aliases,
    decimal ActivationFee,
    decimal MonthlyFee,
    string Currency);

/// <summary>A subscriber as the provisioning backend sees it.</summary>
public sealed record SubscriberAccount(
    string Msisdn,
    string Name,
    string Language,
    decimal Balance,
    string Currency,
    string TariffCode,
    IReadOnlyDictionary<string, string> TariffNames,
    IReadOnlyList<SubscribedService> Services);

/// <summary>One service on a subscriber's account.</summary>
public sealed record SubscribedService(string Code, ServiceState State, DateTimeOffset Since);

public enum ServiceState { Inactive, Active }

public enum ServiceChange { Activate, Deactivate }

/// <summary>A change to a subscriber's services; <paramref name="RequestId"/> is the idempotency key.</summary>
public sealed record ServiceChangeRequest(string RequestId, string Msisdn, string ServiceCode, ServiceChange Change, string Channel);

public enum ServiceChangeOutcome { Done, AlreadyInState, InsufficientFunds, UnknownService, UnknownSubscriber }

/// <summary>The result of a change: what was charged and the balance after it.</summary>
public sealed record ServiceChangeResult(ServiceChangeOutcome Outcome, decimal Charged, decimal BalanceAfter);
