namespace SelfService.Storage.Instances;

/// <summary>
/// The gateway instances sharing a store, each with the moment it last said it was alive (a heartbeat), so any instance's
/// /health and dashboard can show them all and, beside the leases (<see cref="Leases.ILeaseStore"/>), what each owns.
/// Times are the instances' own clocks, as for leases.
/// </summary>
public interface IGatewayInstanceStore
{
    /// <summary>Records that <paramref name="instanceId"/>, started at <paramref name="startedAt"/>, is alive at <paramref name="now"/>.</summary>
    Task BeatAsync(string instanceId, DateTimeOffset startedAt, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Every instance that beat and was not forgotten, by id.</summary>
    Task<IReadOnlyList<GatewayInstance>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Forgets the instances last seen before <paramref name="notSeenSince"/> (gone for good); returns how many.</summary>
    Task<int> ForgetAsync(DateTimeOffset notSeenSince, CancellationToken cancellationToken);
}

/// <summary>An instance as its heartbeats left it: its id (Gateway:InstanceId), when it started, when it was last seen.</summary>
public sealed record GatewayInstance(string Id, DateTimeOffset StartedAt, DateTimeOffset LastSeenAt);
