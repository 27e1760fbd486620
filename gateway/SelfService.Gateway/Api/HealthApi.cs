using SelfService.Channels.Connections;
using SelfService.Storage;

namespace SelfService.Gateway.Api;

/// <summary>
/// GET /health for load balancers and the operator: whether the store can write and each channel connection is up.
/// 503 while the store fails (MOs are then not acknowledged, so the SMSC keeps them); a connection that is down makes the
/// gateway "degraded", still 200. Anonymous, so it names no hosts, only channels and states.
/// </summary>
internal static class HealthApi
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/health", Health);
        return routes;
    }

    private static IResult Health(IStorageMaintenance storage, IEnumerable<IChannelConnection> connections)
    {
        var store = storage.Health;
        var channels = connections.Select(c => new { channel = c.Channel, state = c.State.ToString().ToLowerInvariant() }).ToList();
        var status = !store.Healthy ? "failing" : channels.Any(c => c.state != "up") ? "degraded" : "ok";
        var body = new
        {
            status,
            store = new { healthy = store.Healthy, lastCommitAt = store.LastCommitAt, error = store.LastError },
            channels,
        };
        return store.Healthy ? TypedResults.Ok(body) : TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
