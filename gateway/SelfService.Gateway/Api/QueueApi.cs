using SelfService.Commands.Escalation;

namespace SelfService.Gateway.Api;

/// <summary>The human queue: who waits, for how long, and taking or closing a conversation.</summary>
internal static class QueueApi
{
    public static IEndpointRouteBuilder MapQueueApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/queue");
        group.MapGet("", ListWaiting);
        group.MapGet("/{ticketId}", GetTicket);
        group.MapPost("/{ticketId}/take", Take);
        group.MapPost("/{ticketId}/close", Close);
        return routes;
    }

    private static IResult ListWaiting(EscalationQueue queue) =>
        TypedResults.Ok(queue.Waiting().Select(t => new { ticket = t, position = queue.PositionOf(t.Id) }));

    private static IResult GetTicket(string ticketId, EscalationQueue queue) =>
        queue.Get(ticketId) is { } ticket ? TypedResults.Ok(new { ticket, position = queue.PositionOf(ticketId) }) : TypedResults.NotFound();

    private static IResult Take(string ticketId, TakeRequest request, EscalationQueue queue)
    {
        if (string.IsNullOrWhiteSpace(request.Agent)) return TypedResults.Problem("Name the agent.", statusCode: StatusCodes.Status400BadRequest);
        if (queue.Get(ticketId) is null) return TypedResults.NotFound();
        return queue.TryTake(ticketId, request.Agent)
            ? TypedResults.Ok(queue.Get(ticketId))
            : TypedResults.Problem("Another agent has taken it, or it is closed.", statusCode: StatusCodes.Status409Conflict);
    }

    private static IResult Close(string ticketId, EscalationQueue queue)
    {
        if (queue.Get(ticketId) is null) return TypedResults.NotFound();
        return queue.TryClose(ticketId) ? TypedResults.Ok(queue.Get(ticketId)) : TypedResults.Problem("Already closed.", statusCode: StatusCodes.Status409Conflict);
    }

    internal sealed record TakeRequest(string? Agent);
}
