using System.Security.Claims;
using SelfService.Commands.Escalation;
using SelfService.Pipeline;
using SelfService.Staff;
using SelfService.Storage.Escalations;

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

    private static async Task<IResult> ListWaiting(EscalationQueue queue, CancellationToken cancellationToken)
    {
        var waiting = await queue.WaitingAsync(null, cancellationToken);
        var listed = new List<object>(waiting.Count);
        foreach (var ticket in waiting) listed.Add(new { ticket, position = await queue.PositionOfAsync(ticket, cancellationToken) });
        return TypedResults.Ok(listed);
    }

    private static async Task<IResult> GetTicket(string ticketId, EscalationQueue queue, CancellationToken cancellationToken) =>
        await queue.GetAsync(ticketId, cancellationToken) is { } ticket
            ? TypedResults.Ok(new { ticket, position = ticket.State == EscalationState.Waiting ? await queue.PositionOfAsync(ticket, cancellationToken) : null })
            : TypedResults.NotFound();

    /// <summary>The signed-in agent takes the conversation; of agents clicking at once, exactly one gets it.</summary>
    private static async Task<IResult> Take(
        string ticketId, ClaimsPrincipal user, EscalationQueue queue, AuditTrail audit, HttpContext http, CancellationToken cancellationToken)
    {
        if (await queue.GetAsync(ticketId, cancellationToken) is null) return TypedResults.NotFound();
        if (!await queue.TryTakeAsync(ticketId, user.UserName(), cancellationToken))
            return TypedResults.Problem("Another agent has taken it, or it is closed.", statusCode: StatusCodes.Status409Conflict);
        var ticket = (await queue.GetAsync(ticketId, cancellationToken))!;
        await audit.RecordAsync(user.UserName(), "ticket.take", Subject(ticket), ticketId, http.Connection.RemoteIpAddress?.ToString());
        return TypedResults.Ok(ticket);
    }

    /// <summary>The agent holding the conversation answers through the customer's channel (as the desk's reply box does).</summary>
    private static async Task<IResult> Reply(
        string ticketId, AgentReplyRequest request, ClaimsPrincipal user, AgentReplies replies, EscalationQueue queue, AuditTrail audit, HttpContext http,
        CancellationToken cancellationToken)
    {
        if (await queue.GetAsync(ticketId, cancellationToken) is not { } ticket) return TypedResults.NotFound();
        var result = await replies.SendAsync(ticketId, user.UserName(), request.Text ?? "", cancellationToken);
        if (!result.Sent) return TypedResults.Problem(result.Problem, statusCode: StatusCodes.Status409Conflict);
        await audit.RecordAsync(user.UserName(), "ticket.reply", Subject(ticket), ticketId, http.Connection.RemoteIpAddress?.ToString());
        return TypedResults.Ok(new { messages = result.Messages });
    }

    /// <summary>As on the desk: the agent holding the conversation may close it; a supervisor or admin may override, audited as such.</summary>
    private static async Task<IResult> Close(
        string ticketId, ClaimsPrincipal user, EscalationQueue queue, AuditTrail audit, HttpContext http, CancellationToken cancellationToken)
    {
        if (await queue.GetAsync(ticketId, cancellationToken) is not { } ticket) return TypedResults.NotFound();
        if (Ownership(ticket, user) is not { } how) return NotYours();
        if (!await queue.TryCloseAsync(ticketId, cancellationToken)) return TypedResults.Problem("Already closed.", statusCode: StatusCodes.Status409Conflict);
        await audit.RecordAsync(user.UserName(), "ticket.close", Subject(ticket), Details(ticketId, how, ticket), http.Connection.RemoteIpAddress?.ToString());
        return TypedResults.Ok(await queue.GetAsync(ticketId, cancellationToken));
    }

    /// <summary>Sends the conversation to another group's queue; the same ownership rule as closing.</summary>
    private static async Task<IResult> Transfer(
        string ticketId, TransferRequest? request, ClaimsPrincipal user, EscalationQueue queue, AuditTrail audit, HttpContext http,
        CancellationToken cancellationToken)
    {
        if (await queue.GetAsync(ticketId, cancellationToken) is not { } ticket) return TypedResults.NotFound();
        if (Ownership(ticket, user) is not { } how) return NotYours();
        if (string.IsNullOrWhiteSpace(request?.Group)) return TypedResults.Problem("Give the group: {\"group\": \"...\"}.", statusCode: StatusCodes.Status400BadRequest);
        if (!await queue.TryTransferAsync(ticketId, request.Group, cancellationToken))
            return TypedResults.Problem("No such group, or the conversation is closed.", statusCode: StatusCodes.Status400BadRequest);
        await audit.RecordAsync(user.UserName(), "ticket.transfer", Subject(ticket), Details(ticketId, how, ticket) + " -> " + request.Group, http.Connection.RemoteIpAddress?.ToString());
        return TypedResults.Ok(await queue.GetAsync(ticketId, cancellationToken));
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
