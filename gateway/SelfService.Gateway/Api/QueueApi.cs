using System.Security.Claims;
using SelfService.Commands.Escalation;
using SelfService.Pipeline;
using SelfService.Staff;

namespace SelfService.Gateway.Api;

/// <summary>The human queue: who waits, for how long, and taking or closing a conversation.</summary>
internal static class QueueApi
{
    public static IEndpointRouteBuilder MapQueueApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/queue").RequireAuthorization(StaffPolicies.Agents);
        group.MapGet("", ListWaiting);
        group.MapGet("/{ticketId}", GetTicket);
        group.MapPost("/{ticketId}/take", Take);
        group.MapPost("/{ticketId}/close", Close);
        group.MapPost("/{ticketId}/reply", Reply);
        return routes;
    }

    private static IResult ListWaiting(EscalationQueue queue) =>
        TypedResults.Ok(queue.Waiting().Select(t => new { ticket = t, position = queue.PositionOf(t.Id) }));

    private static IResult GetTicket(string ticketId, EscalationQueue queue) =>
        queue.Get(ticketId) is { } ticket ? TypedResults.Ok(new { ticket, position = queue.PositionOf(ticketId) }) : TypedResults.NotFound();

    /// <summary>The signed-in agent takes the conversation; of agents clicking at once, exactly one gets it.</summary>
    private static IResult Take(string ticketId, ClaimsPrincipal user, EscalationQueue queue, AuditTrail audit)
    {
        if (queue.Get(ticketId) is null) return TypedResults.NotFound();
        if (!queue.TryTake(ticketId, user.UserName()))
            return TypedResults.Problem("Another agent has taken it, or it is closed.", statusCode: StatusCodes.Status409Conflict);
        var ticket = queue.Get(ticketId)!;
        audit.Record(user.UserName(), "ticket.take", ticket.CustomerId ?? ticket.Channel + "|" + ticket.Address, ticketId);
        return TypedResults.Ok(ticket);
    }

    /// <summary>The agent holding the conversation answers through the customer's channel (as the desk's reply box does).</summary>
    private static async Task<IResult> Reply(
        string ticketId, AgentReplyRequest request, ClaimsPrincipal user, AgentReplies replies, EscalationQueue queue, AuditTrail audit, CancellationToken cancellationToken)
    {
        if (queue.Get(ticketId) is not { } ticket) return TypedResults.NotFound();
        var result = await replies.SendAsync(ticketId, user.UserName(), request.Text ?? "", cancellationToken);
        if (!result.Sent) return TypedResults.Problem(result.Problem, statusCode: StatusCodes.Status409Conflict);
        audit.Record(user.UserName(), "ticket.reply", ticket.CustomerId ?? ticket.Channel + "|" + ticket.Address, ticketId);
        return TypedResults.Ok(new { messages = result.Messages });
    }

    private static IResult Close(string ticketId, ClaimsPrincipal user, EscalationQueue queue, AuditTrail audit)
    {
        if (queue.Get(ticketId) is not { } ticket) return TypedResults.NotFound();
        if (!queue.TryClose(ticketId)) return TypedResults.Problem("Already closed.", statusCode: StatusCodes.Status409Conflict);
        audit.Record(user.UserName(), "ticket.close", ticket.CustomerId ?? ticket.Channel + "|" + ticket.Address, ticketId);
        return TypedResults.Ok(queue.Get(ticketId));
    }

    internal sealed record AgentReplyRequest(string? Text);
}
