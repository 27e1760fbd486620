namespace SelfService.Provisioning.Http;

// The request and response bodies of Http/CONTRACT.md that have no public record of their own.

/// <summary>The body of an activation or deactivation POST.</summary>
internal sealed record ChangeServiceBody(string Channel);

/// <summary>The answer to an activation or deactivation; the amounts may be absent on 404.</summary>
internal sealed record ChangeServiceAnswer(ServiceChangeOutcome Outcome, decimal? Charged = null, decimal? BalanceAfter = null);

/// <summary>The body of a PIN check.</summary>
internal sealed record VerifyPinBody(string Pin);

/// <summary>The answer to a PIN check.</summary>
internal sealed record VerifyPinAnswer(bool Valid);
