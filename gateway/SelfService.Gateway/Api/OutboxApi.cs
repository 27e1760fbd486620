using SelfService.Channels.Sms;
using SelfService.Pipeline;
using SelfService.Staff;

namespace SelfService.Gateway.Api;

/// <summary>The operator's view of the outbox: what is pending, sent or failed, per channel and recipient.</summary>
internal static class OutboxApi
{
    public static IEndpointRouteBuilder MapOutboxApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/outbox").RequireAuthorization(StaffPolicies.Supervisors);
        group.MapGet("", List);
        group.MapGet("/{outboxId}/delivery", Delivery);
        return routes;
    }

    /// <summary>Each SMS part of an outbound message with the SMSC's id and what its delivery receipt said.</summary>
    private static IResult Delivery(string outboxId, SubmissionStore submissions) => TypedResults.Ok(submissions.ForOutbox(outboxId));

    private static IResult List(string? channel, string? address, OutboxState? state, int? limit, MessageStore store) =>
        TypedResults.Ok(store.Outbox(channel, address, state, Math.Clamp(limit ?? 100, 1, 1000)));
}
