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
        group.MapPost("/{ticketId}/transfer", Transfer);
        group.MapPost("/{ticketId}/reply", Reply);
        return routes;
    }

    private static IResult ListWaiting(EscalationQueue queue) =>
        TypedResults.Ok(queue.Waiting().Select(t => new { ticket = t, position = queue.PositionOf(t.Id) }));

    private static IResult GetTicket(string ticketId, EscalationQueue queue) =>
        queue.Get(ticketId) is { } ticket ? TypedResults.Ok(new { ticket, position = queue.PositionOf(ticketId) }) : TypedResults.NotFound();

    /// <summary>The signed-in agent takes the conversation; of agents clicking at once, exactly one gets it.</summary>
    private static IResult Take(string ticketId, ClaimsPrincipal user, EscalationQueue queue, AuditTrail audit, HttpContext http)
    {
        if (queue.Get(ticketId) is null) return TypedResults.NotFound();
        if (!queue.TryTake(ticketId, user.UserName()))
            return TypedResults.Problem("Another agent has taken it, or it is closed.", statusCode: StatusCodes.Status409Conflict);
        var ticket = queue.Get(ticketId)!;
        audit.Record(user.UserName(), "ticket.take", Subject(ticket), ticketId, http.Connection.RemoteIpAddress?.ToString());
        return TypedResults.Ok(ticket);
    }

    /// <summary>The agent holding the conversation answers through the customer's channel (as the desk's reply box does).</summary>
    private static async Task<IResult> Reply(
        string ticketId, AgentReplyRequest request, ClaimsPrincipal user, AgentReplies replies, EscalationQueue queue, AuditTrail audit, HttpContext http,
        CancellationToken cancellationToken)
    {
        if (queue.Get(ticketId) is not { } ticket) return TypedResults.NotFound();
        var result = await replies.SendAsync(ticketId, user.UserName(), request.Text ?? "", cancellationToken);
        if (!result.Sent) return TypedResults.Problem(result.Problem, statusCode: StatusCodes.Status409Conflict);
        audit.Record(user.UserName(), "ticket.reply", Subject(ticket), ticketId, http.Connection.RemoteIpAddress?.ToString());
        return TypedResults.Ok(new { messages = result.Messages });
    }

    /// <summary>As on the desk: the agent holding the conversation may close it; a supervisor or admin may override, audited as such.</summary>
    private static IResult Close(string ticketId, ClaimsPrincipal user, EscalationQueue queue, AuditTrail audit, HttpContext http)
    {
        if (queue.Get(ticketId) is not { } ticket) return TypedResults.NotFound();
        if (Ownership(ticket, user) is not { } how) return NotYours();
        if (!queue.TryClose(ticketId)) return TypedResults.Problem("Already closed.", statusCode: StatusCodes.Status409Conflict);
        audit.Record(user.UserName(), "ticket.close", Subject(ticket), Details(ticketId, how, ticket), http.Connection.RemoteIpAddress?.ToString());
        return TypedResults.Ok(queue.Get(ticketId));
    }

    /// <summary>Sends the conversation to another group's queue; the same ownership rule as closing.</summary>
    private static IResult Transfer(string ticketId, TransferRequest? request, ClaimsPrincipal user, EscalationQueue queue, AuditTrail audit, HttpContext http)
    {
        if (queue.Get(ticketId) is not { } ticket) return TypedResults.NotFound();
        if (Ownership(ticket, user) is not { } how) return NotYours();
        if (string.IsNullOrWhiteSpace(request?.Group)) return TypedResults.Problem("Give the group: {\"group\": \"...\"}.", statusCode: StatusCodes.Status400BadRequest);
        if (!queue.TryTransfer(ticketId, request.Group))
            return TypedResults.Problem("No such group, or the conversation is closed.", statusCode: StatusCodes.Status400BadRequest);
        audit.Record(user.UserName(), "ticket.transfer", Subject(ticket), Details(ticketId, how, ticket) + " -> " + request.Group, http.Connection.RemoteIpAddress?.ToString());
        return TypedResults.Ok(queue.Get(ticketId));
    }

    /// <summary>"holder" when the user holds the ticket, "override" when a supervisor or admin acts on another's; null: refused.</summary>
    private static string? Ownership(EscalationTicket ticket, ClaimsPrincipal user)
    {
        if (ticket.State == EscalationState.Taken && ticket.Agent == user.UserName()) return "holder";
        return user.IsInRole(StaffRoles.Supervisor) || user.IsInRole(StaffRoles.Admin) ? "override" : null;
    }

    private static string Details(string ticketId, string how, EscalationTicket ticket) =>
        how == "override" ? $"{ticketId} (supervisor override; held by {ticket.Agent ?? "nobody"})" : ticketId;

    private static string Subject(EscalationTicket ticket) => ticket.CustomerId ?? ticket.Channel + "|" + ticket.Address;

    private static IResult NotYours() =>
        TypedResults.Problem("Another agent holds this conversation, or nobody has taken it: take it first.", statusCode: StatusCodes.Status403Forbidden);

    internal sealed record TransferRequest(string? Group);

    internal sealed record AgentReplyRequest(string? Text);
}
