using SelfService.Channels.Connections;
using SelfService.Storage;
using SelfService.Storage.Instances;
using SelfService.Storage.Leases;

namespace SelfService.Gateway.Api;

/// <summary>
/// GET /health for load balancers and the operator: whether the store can write and each channel connection is up.
/// 503 while the store fails (MOs are then not acknowledged, so the SMSC keeps them); a connection that is down makes the
/// gateway "degraded", still 200. Anonymous, so it names no connection's host, only channels and states, the instance's
/// id (Gateway:InstanceId, host and pid by default) and the leases it holds; and every instance on the store (their
/// heartbeats), each with the leases it holds, so any instance shows who owns which connection.
/// </summary>
internal static class HealthApi
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/health", Health);
        return routes;
    }

    private static async Task<IResult> Health(
        IStorageMaintenance storage, IEnumerable<IChannelConnection> connections, ConnectionLeases leases, ClusterView cluster, CancellationToken cancellationToken)
    {
        var store = storage.Health;
        var channels = connections.Select(c => new { channel = c.Channel, state = c.State.ToString().ToLowerInvariant() }).ToList();
        // A connection on standby is held by another instance: nothing is wrong with this one.
        var status = !store.Healthy ? "failing" : channels.Any(c => c.state is not ("up" or "standby")) ? "degraded" : "ok";
        var body = new
        {
            status,
            store = new { healthy = store.Healthy, lastCommitAt = store.LastCommitAt, error = store.LastError },
            channels,
            // Which gateway answered, and the connections it owns now (their lease names and fencing tokens).
            instance = leases.InstanceId,
            leases = leases.Held.Select(l => new { name = l.Name, token = l.Token, expiresAt = l.ExpiresAt }).ToList(),
            // Every instance on the store, this one too, with its last heartbeat and the connections it owns (null: unreadable now).
            instances = await InstancesAsync(cluster, cancellationToken),
        };
        return store.Healthy ? TypedResults.Ok(body) : TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>A store that does not answer within this long leaves the instances out, rather than holding up the load balancer.</summary>
    private static readonly TimeSpan InstancesReadTimeout = TimeSpan.FromSeconds(2);

    private static async Task<object?> InstancesAsync(ClusterView cluster, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(InstancesReadTimeout);
        try
        {
            return (await cluster.ReadAsync(timeout.Token)).Select(i => new
            {
                id = i.Id, self = i.IsThisInstance, alive = i.Alive, startedAt = i.StartedAt, lastSeenAt = i.LastSeenAt,
                leases = i.Leases.Select(l => new { name = l.Name, token = l.Token, expiresAt = l.ExpiresAt }).ToList(),
            }).ToList();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The store cannot be read: "store" above says why, and /health still answers.
            return null;
        }
    }
}
