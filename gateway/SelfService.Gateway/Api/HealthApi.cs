using SelfService.Channels.Connections;
using SelfService.Storage;
using SelfService.Storage.Leases;

namespace SelfService.Gateway.Api;

/// <summary>
/// GET /health for load balancers and the operator: whether the store can write and each channel connection is up.
/// 503 while the store fails (MOs are then not acknowledged, so the SMSC keeps them); a connection that is down makes the
/// gateway "degraded", still 200. Anonymous, so it names no connection's host, only channels and states, the instance's
/// id (Gateway:InstanceId, host and pid by default) and the leases it holds.
/// </summary>
internal static class HealthApi
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/health", Health);
        return routes;
    }

    private static IResult Health(IStorageMaintenance storage, IEnumerable<IChannelConnection> connections, ConnectionLeases leases)
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
        };
        return store.Healthy ? TypedResults.Ok(body) : TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
