using SelfService.Storage.Provisioning;

namespace SelfService.Storage.Campaigns;

/// <summary>The subscribers a segment is chosen from, page by page in order of number, so a large base never sits in memory.</summary>
public interface IAudienceSource
{
    /// <summary>Subscribers whose number sorts after <paramref name="afterMsisdn"/> (null: from the first), at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<ProvisionedSubscriber>> SubscribersAfterAsync(string? afterMsisdn, int limit, CancellationToken cancellationToken);
}
