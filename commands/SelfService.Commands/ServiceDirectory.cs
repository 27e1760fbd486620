using Microsoft.Extensions.Options;
using SelfService.ActionCodes;
using SelfService.Provisioning;

namespace SelfService.Commands;

/// <summary>
/// The operator's service catalogue, cached, with a tolerant index so "роуминг", "ROUMING" and "ROAMING"
/// all find the same service.
/// </summary>
public sealed class ServiceDirectory(IProvisioningBackend provisioning, IOptions<CommandOptions> options, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private Snapshot? _snapshot;

    private sealed record Snapshot(IReadOnlyList<ServiceOffer> Offers, TolerantKeywordIndex<string> Index, DateTimeOffset LoadedAt);

    public async Task<ServiceOffer?> FindAsync(string typed, CancellationToken cancellationToken)
    {
        var snapshot = await GetSnapshotAsync(cancellationToken);
        var word = typed.Trim();
        return snapshot.Index.TryMatch(word, out var code) ? snapshot.Offers.FirstOrDefault(o => o.Code == code) : null;
    }

    public async Task<IReadOnlyList<ServiceOffer>> AllAsync(CancellationToken cancellationToken) =>
        (await GetSnapshotAsync(cancellationToken)).Offers;

    private async Task<Snapshot> GetSnapshotAsync(CancellationToken cancellationToken)
    {
        var current = _snapshot;
        if (current is not null && time.GetUtcNow() - current.LoadedAt < options.Value.ServiceCatalogueRefresh) return current;
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            current = _snapshot;
            if (current is not null && time.GetUtcNow() - current.LoadedAt < options.Value.ServiceCatalogueRefresh) return current;
            try
            {
                var offers = await provisioning.GetServicesAsync(cancellationToken);
                _snapshot = new Snapshot(offers, BuildIndex(offers), time.GetUtcNow());
            }
            catch (ProvisioningUnavailableException) when (current is not null)
            {
                // A stale catalogue beats none: services rarely change, the backend may be back soon.
                return current;
            }
            return _snapshot;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Dispose() => _refresh.Dispose();

    /// <summary>Keyword → service code: codes, aliases and names in every language.</summary>
    private static TolerantKeywordIndex<string> BuildIndex(IReadOnlyList<ServiceOffer> offers)
    {
        var keys = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var offer in offers)
        {
            keys.TryAdd(offer.Code, offer.Code);
            foreach (var alias in offer.Aliases) keys.TryAdd(alias, offer.Code);
            foreach (var name in offer.Names.Values) keys.TryAdd(name, offer.Code);
        }
        return new TolerantKeywordIndex<string>(keys);
    }
}
