using Microsoft.Extensions.Options;
using SelfService.Storage.Escalations;

namespace SelfService.Commands.Escalation;

/// <summary>
/// The human queue, in groups. Position counts the tickets that were waiting in the same group before this one; the
/// estimate uses the mean time agents took to pick up the last tickets (or the configured handling time until there
/// are any). Every change is announced on <see cref="Changed"/>, which the agent desk pushes to browsers. The rules of
/// a change (only a waiting ticket can be taken, a closed one changes no more) are checked by the store in the same
/// atomic step that makes it, so they hold with agents acting at once on several gateways.
/// </summary>
public sealed class EscalationQueue(IEscalationStore tickets, IOptions<EscalationOptions> options, EscalationRouting routing, TimeProvider time)
{
    private const int WaitSample = 20;
    private readonly EscalationOptions _options = options.Value;

    /// <summary>A ticket was queued, taken, transferred, closed or given a callback; or its conversation has a new line.</summary>
    public event Action<EscalationTicket, EscalationChange>? Changed;

    /// <summary>
    /// Queues a ticket. With <paramref name="announceLater"/> the desk hears of it only when the caller runs what was added
    /// there: after the commit that stores the customer's message, so the desk never reads a conversation without its last line.
    /// </summary>
    public async Task<EscalationTicket> EnqueueAsync(EscalationRequest request, ICollection<Action>? announceLater, CancellationToken cancellationToken)
    {
        var ticket = new EscalationTicket
        {
            Id = request.TicketId, CustomerId = request.CustomerId, Channel = request.Channel, Address = request.Address,
            SessionId = request.SessionId, Language = request.Language, Reason = request.Reason, LastQuestion = request.LastQuestion,
            Topic = request.Topic, Group = routing.GroupFor(request.Topic, request.Language),
            State = EscalationState.Waiting, EnqueuedAt = time.GetUtcNow(),
        };
        // Deterministic id per inbound message: a re-run after a crash finds the ticket it made before.
        if (!await tickets.AddAsync(ticket, cancellationToken))
            return await tickets.GetAsync(ticket.Id, cancellationToken) ?? throw new InvalidOperationException($"Ticket {ticket.Id} vanished.");
        Announce(ticket, EscalationChange.Queued, announceLater);
        return ticket;
    }

    public Task<EscalationTicket?> GetAsync(string ticketId, CancellationToken cancellationToken) => tickets.GetAsync(ticketId, cancellationToken);

    /// <summary>Waiting tickets, oldest first; only <paramref name="group"/>'s when given.</summary>
    public Task<IReadOnlyList<EscalationTicket>> WaitingAsync(string? group, CancellationToken cancellationToken) =>
        tickets.WaitingAsync(group, cancellationToken);

    /// <summary>Tickets an agent holds now.</summary>
    public Task<IReadOnlyList<EscalationTicket>> HeldByAsync(string agent, CancellationToken cancellationToken) =>
        tickets.HeldByAsync(agent, cancellationToken);

    /// <summary>Callbacks asked for and not yet made.</summary>
    public Task<IReadOnlyList<EscalationTicket>> PendingCallbacksAsync(CancellationToken cancellationToken) =>
        tickets.PendingCallbacksAsync(cancellationToken);

    /// <summary>Tickets queued since <paramref name="since"/>, for the statistics.</summary>
    public Task<IReadOnlyList<EscalationTicket>> SinceAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        tickets.EnqueuedSinceAsync(since, cancellationToken);

    public async Task<QueuePosition?> PositionOfAsync(string ticketId, CancellationToken cancellationToken)
    {
        var ticket = await tickets.GetAsync(ticketId, cancellationToken);
        if (ticket is null || ticket.State != EscalationState.Waiting) return null;
        return await PositionOfAsync(ticket, cancellationToken);
    }

    /// <summary>Where a waiting ticket stands, as read with it (the queue's listing reads many at once).</summary>
    public async Task<QueuePosition> PositionOfAsync(EscalationTicket ticket, CancellationToken cancellationToken)
    {
        var position = await tickets.CountWaitingAheadAsync(ticket, cancellationToken) + 1;
        var perCustomer = await MeanRecentWaitAsync(cancellationToken) ?? _options.DefaultHandlingTime;
        var estimate = perCustomer * position / Math.Max(1, _options.AgentsOnDuty);
        return new QueuePosition(ticket.Id, position, estimate);
    }

    /// <summary>An agent takes a waiting ticket. Exactly one of two agents taking at once succeeds.</summary>
    public Task<bool> TryTakeAsync(string ticketId, string agent, CancellationToken cancellationToken) =>
        AnnouncedAsync(tickets.TakeAsync(ticketId, agent, time.GetUtcNow(), cancellationToken), EscalationChange.Taken, null);

    /// <summary>Back to the queue of another group, keeping its place by the time it first waited.</summary>
    public Task<bool> TryTransferAsync(string ticketId, string group, CancellationToken cancellationToken) =>
        routing.Groups.Contains(group)
            ? AnnouncedAsync(tickets.TransferAsync(ticketId, group, cancellationToken), EscalationChange.Transferred, null)
            : Task.FromResult(false);

    public Task<bool> TryCloseAsync(string ticketId, CancellationToken cancellationToken) =>
        AnnouncedAsync(tickets.CloseAsync(ticketId, time.GetUtcNow(), cancellationToken), EscalationChange.Closed, null);

    public Task<bool> RequestCallbackAsync(string ticketId, string number, ICollection<Action>? announceLater, CancellationToken cancellationToken) =>
        AnnouncedAsync(tickets.RequestCallbackAsync(ticketId, number, time.GetUtcNow(), cancellationToken), EscalationChange.CallbackRequested, announceLater);

    public Task<bool> CompleteCallbackAsync(string ticketId, string agent, CancellationToken cancellationToken) =>
        AnnouncedAsync(tickets.CompleteCallbackAsync(ticketId, agent, time.GetUtcNow(), cancellationToken), EscalationChange.CallbackDone, null);

    /// <summary>The customer or the agent wrote in the ticket's conversation: the desk shows it at once.</summary>
    public void NotifyNewLine(EscalationTicket ticket) => Changed?.Invoke(ticket, EscalationChange.NewLine);

    public bool IsLongWait(QueuePosition position) => position.EstimatedWait > _options.CallbackOfferAfter;

    private async Task<bool> AnnouncedAsync(Task<EscalationTicket?> change, EscalationChange what, ICollection<Action>? announceLater)
    {
        if (await change is not { } ticket) return false;
        Announce(ticket, what, announceLater);
        return true;
    }

    private void Announce(EscalationTicket ticket, EscalationChange change, ICollection<Action>? later)
    {
        if (later is null) Changed?.Invoke(ticket, change);
        else later.Add(() => Changed?.Invoke(ticket, change));
    }

    private async Task<TimeSpan?> MeanRecentWaitAsync(CancellationToken cancellationToken)
    {
        var recent = await tickets.LatestTakenAsync(WaitSample, cancellationToken);
        if (recent.Count == 0) return null;
        return TimeSpan.FromTicks((long)recent.Average(t => (t.TakenAt!.Value - t.EnqueuedAt).Ticks));
    }
}

public enum EscalationChange { Queued, Taken, Transferred, Closed, CallbackRequested, CallbackDone, NewLine }

/// <summary>What the bot knows when it hands a conversation to people.</summary>
public sealed record EscalationRequest(
    string TicketId, string? CustomerId, string Channel, string Address, string SessionId, string Language, string Reason,
    string LastQuestion, string Topic);
