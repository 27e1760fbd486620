using SelfService.Staff;
using SelfService.Storage.Messages;

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
    private static async Task<IResult> Delivery(string outboxId, IOutbox outbox, CancellationToken cancellationToken) =>
        await outbox.GetAsync(outboxId, cancellationToken) is { } record ? TypedResults.Ok(record.Parts) : TypedResults.NotFound();

    private static async Task<IResult> List(string? channel, string? address, OutboxState? state, int? limit, IOutbox outbox, CancellationToken cancellationToken) =>
        TypedResults.Ok(await outbox.FindAsync(channel, address, state, Math.Clamp(limit ?? 100, 1, 1000), cancellationToken));
}
