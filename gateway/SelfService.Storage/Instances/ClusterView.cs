using SelfService.Storage.Leases;

namespace SelfService.Storage.Instances;

/// <summary>
/// Every instance on the store, as any of them sees it: each one's heartbeats, and the leases it holds now (the connections
/// it owns), for /health and the dashboard. An instance counts as alive while its last beat is less than a lease old (it
/// beats every third of one).
/// </summary>
public sealed class ClusterView(IGatewayInstanceStore instances, ILeaseStore leases, ConnectionLeases local, TimeProvider time)
{
    public async Task<IReadOnlyList<InstanceStatus>> ReadAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var beats = (await instances.ListAsync(cancellationToken)).ToDictionary(i => i.Id, StringComparer.Ordinal);
        var held = (await leases.ListAsync(cancellationToken)).Where(l => l.IsHeldAt(now)).ToLookup(l => l.Owner, StringComparer.Ordinal);
        // An owner whose first beat is not stored yet still shows, with what it holds.
        return beats.Keys.Union(held.Select(g => g.Key), StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(id =>
        {
            var beat = beats.GetValueOrDefault(id);
            return new InstanceStatus(id, id == local.InstanceId, beat?.StartedAt, beat?.LastSeenAt,
                beat is not null && now - beat.LastSeenAt < local.Duration, [.. held[id].OrderBy(l => l.Name, StringComparer.Ordinal)]);
        }).ToList();
    }
}

/// <summary>One instance: its id, whether it is the one asked, its start and last beat, whether it is alive, what it owns.</summary>
public sealed record InstanceStatus(
    string Id, bool IsThisInstance, DateTimeOffset? StartedAt, DateTimeOffset? LastSeenAt, bool Alive, IReadOnlyList<Lease> Leases);
