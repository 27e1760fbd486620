using SelfService.Provisioning;

namespace SelfService.Samples.OperatorBackend;

// The bodies of the contract (commands/SelfService.Provisioning/Http/CONTRACT.md) that have no
// public record in SelfService.Provisioning.

/// <summary>The body of an activation or deactivation.</summary>
internal sealed record ChangeServiceRequestBody(string? Channel);

/// <summary>The answer to a change that reached the subscriber's account (HTTP 200).</summary>
internal sealed record ChangeServiceResponseBody(ServiceChangeOutcome Outcome, decimal Charged, decimal BalanceAfter);

/// <summary>The answer naming what was not found (HTTP 404).</summary>
internal sealed record OutcomeBody(ServiceChangeOutcome Outcome);

/// <summary>The body of a PIN check.</summary>
internal sealed record VerifyPinRequestBody(string? Pin);

/// <summary>The answer to a PIN check.</summary>
internal sealed record VerifyPinResponseBody(bool Valid);
