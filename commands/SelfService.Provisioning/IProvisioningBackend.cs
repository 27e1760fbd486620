namespace SelfService.Provisioning;

/// <summary>
/// The operator's provisioning system: subscribers, balances, services and their states.
/// Implementations: <see cref="Embedded.EmbeddedProvisioningBackend"/> (in the gateway's own store, seeded from samples/)
/// and <see cref="Http.HttpProvisioningBackend"/> (the operator's REST backend).
/// Every call may throw <see cref="ProvisioningUnavailableException"/> when the backend cannot be reached.
/// </summary>
public interface IProvisioningBackend
{
    /// <summary>The services customers may activate, with names per language, aliases and tariffs.</summary>
    Task<IReadOnlyList<ServiceOffer>> GetServicesAsync(CancellationToken cancellationToken);

    /// <summary>The subscriber behind an E.164 number, or null when the operator does not know it.</summary>
    Task<SubscriberAccount?> FindSubscriberAsync(string msisdn, CancellationToken cancellationToken);

    /// <summary>
    /// Activates or deactivates a service. Idempotent by <see cref="ServiceChangeRequest.RequestId"/>:
    /// a repeated request returns the first result and charges nothing more; activating an active
    /// service returns <see cref="ServiceChangeOutcome.AlreadyInState"/> and charges nothing.
    /// </summary>
    Task<ServiceChangeResult> ChangeServiceAsync(ServiceChangeRequest request, CancellationToken cancellationToken);

    /// <summary>Checks a subscriber's PIN (for commands whose policy asks for one).</summary>
    Task<bool> VerifyPinAsync(string msisdn, string pin, CancellationToken cancellationToken);
}
