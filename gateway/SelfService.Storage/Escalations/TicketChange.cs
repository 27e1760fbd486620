namespace SelfService.Storage.Escalations;

/// <summary>
/// One step of a ticket's life: when it may happen and what it changes. The rules live here, once, and each engine applies
/// a step to the ticket it has read and locked inside one commit, so two agents cannot both take one conversation.
/// </summary>
public sealed record TicketChange(Func<EscalationTicket, bool> Allowed, Action<EscalationTicket> Apply)
{
    public static TicketChange Take(string agent, DateTimeOffset at) => new(t => t.State == EscalationState.Waiting, t =>
    {
        t.State = EscalationState.Taken;
        t.Agent = agent;
        t.TakenAt = at;
    });

    /// <summary>Back to the queue, in another group; whoever held it lets go.</summary>
    public static TicketChange Transfer(string group) => new(t => t.State != EscalationState.Closed, t =>
    {
        t.Group = group;
        t.State = EscalationState.Waiting;
        t.Agent = null;
        t.TakenAt = null;
    });

    public static TicketChange Close(DateTimeOffset at) => new(t => t.State != EscalationState.Closed, t =>
    {
        t.State = EscalationState.Closed;
        t.ClosedAt = at;
    });

    public static TicketChange RequestCallback(string number, DateTimeOffset at) => new(t => t.State != EscalationState.Closed,
        t => t.Callback = new CallbackRequest { Number = number, RequestedAt = at });

    public static TicketChange CompleteCallback(string agent, DateTimeOffset at) => new(t => t.Callback is { DoneAt: null }, t =>
    {
        t.Callback!.DoneAt = at;
        t.Callback.DoneBy = agent;
    });
}
