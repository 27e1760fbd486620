namespace SelfService.Storage.Provisioning;

/// <summary>The embedded provisioning backend's services, subscribers and change requests.</summary>
public interface IProvisioningStore
{
    /// <summary>Every service, by code.</summary>
    Task<IReadOnlyList<ProvisionedService>> ServicesAsync(CancellationToken cancellationToken);

    Task<ProvisionedSubscriber?> FindSubscriberAsync(string msisdn, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the services and subscribers if the store has no services yet, in one step; false when it had (seeding twice,
    /// or from two hosts at once, never duplicates anything).
    /// </summary>
    Task<bool> SeedAsync(IReadOnlyList<ProvisionedService> services, IReadOnlyList<ProvisionedSubscriber> subscribers, CancellationToken cancellationToken);

    /// <summary>
    /// Decides and stores one change request in one atomic step, so that two requests for one subscriber cannot both
    /// spend the same balance. If a change with <paramref name="requestId"/> is stored already it is returned and
    /// <paramref name="decide"/> is not called. Otherwise <paramref name="decide"/> gets the subscriber (null: unknown) and
    /// the service (null: unknown) as stored now, may change the subscriber, and returns the record; the store keeps both.
    /// </summary>
    /// <returns>The stored record, and whether it was stored before (a repeated request).</returns>
    Task<(ServiceChangeRecord Record, bool Repeated)> ChangeAsync(string requestId, string msisdn, string serviceCode,
        Func<ProvisionedSubscriber?, ProvisionedService?, ServiceChangeRecord> decide, CancellationToken cancellationToken);

    /// <summary>Every change request for the subscriber, oldest first.</summary>
    Task<IReadOnlyList<ServiceChangeRecord>> ChangesOfAsync(string msisdn, CancellationToken cancellationToken);
}
