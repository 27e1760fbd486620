using LiteDB;
using Microsoft.Extensions.Options;

namespace SelfService.Commands.Escalation;

/// <summary>
/// The human queue, in groups. Position counts the tickets that were waiting in the same group before this one; the
/// estimate uses the mean time agents took to pick up the last tickets (or the configured handling time until there
/// are any). Every change is announced on <see cref="Changed"/>, which the agent desk pushes to browsers.
/// </summary>
public sealed class EscalationQueue
{
    private const int WaitSample = 20;
    private readonly ILiteCollection<EscalationTicket> _tickets;
    private readonly EscalationOptions _options;
    private readonly EscalationRouting _routing;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();

    public EscalationQueue(ILiteDatabase database, IOptions<EscalationOptions> options, EscalationRouting routing, TimeProvider time)
    {
        _options = options.Value;
        _routing = routing;
        _time = time;
        _tickets = database.GetCollection<EscalationTicket>("escalations");
        _tickets.EnsureIndex(t => t.State);
        _tickets.EnsureIndex(t => t.EnqueuedAt);
    }

    /// <summary>A ticket was queued, taken, transferred, closed or given a callback; or its conversation has a new line.</summary>
    public event Action<EscalationTicket, EscalationChange>? Changed;

    /// <summary>
    /// Queues a ticket. With <paramref name="announceLater"/> the desk hears of it only when the caller runs what was added
    /// there: after the commit that stores the customer's message, so the desk never reads a conversation without its last line.
    /// </summary>
    public EscalationTicket Enqueue(EscalationRequest request, ICollection<Action>? announceLater = null)
    {
        EscalationTicket ticket;
        lock (_gate)
        {
            // Deterministic id per inbound message: a re-run after a crash finds the ticket it made before.
            var existing = _tickets.FindById(request.TicketId);
            if (existing is not null) return existing;
            ticket = new EscalationTicket
            {
                Id = request.TicketId, CustomerId = request.CustomerId, Channel = request.Channel, Address = request.Address,
                SessionId = request.SessionId, Language = request.Language, Reason = request.Reason, LastQuestion = request.LastQuestion,
                Topic = request.Topic, Group = _routing.GroupFor(request.Topic, request.Language),
                State = EscalationState.Waiting, EnqueuedAt = _time.GetUtcNow(),
            };
            _tickets.Insert(ticket);
        }
        Announce(ticket, EscalationChange.Queued, announceLater);
        return ticket;
    }

    public EscalationTicket? Get(string ticketId) => _tickets.FindById(ticketId);

    /// <summary>Waiting tickets, oldest first; only <paramref name="group"/>'s when given.</summary>
    public IReadOnlyList<EscalationTicket> Waiting(string? group = null) =>
        _tickets.Query().Where(t => t.State == EscalationState.Waiting).OrderBy(t => t.EnqueuedAt).ToList()
            .Where(t => group is null || t.Group == group).ToList();

    /// <summary>Tickets an agent holds now.</summary>
    public IReadOnlyList<EscalationTicket> HeldBy(string agent) =>
        _tickets.Query().Where(t => t.State == EscalationState.Taken && t.Agent == agent).OrderBy(t => t.TakenAt).ToList();

    /// <summary>Callbacks asked for and not yet made.</summary>
    public IReadOnlyList<EscalationTicket> PendingCallbacks() =>
        _tickets.Query().Where(t => t.Callback != null && t.State != EscalationState.Closed).ToList()
            .Where(t => t.Callback!.DoneAt is null).OrderBy(t => t.Callback!.RequestedAt).ToList();

    /// <summary>Tickets queued since <paramref name="since"/>, for the statistics.</summary>
    public IReadOnlyList<EscalationTicket> Since(DateTimeOffset since) => _tickets.Query().Where(t => t.EnqueuedAt >= since).ToList();

    public QueuePosition? PositionOf(string ticketId)
    {
        var ticket = _tickets.FindById(ticketId);
        if (ticket is null || ticket.State != EscalationState.Waiting) return null;
        var ahead = _tickets.Query().Where(t => t.State == EscalationState.Waiting && t.EnqueuedAt < ticket.EnqueuedAt).ToList()
            .Count(t => t.Group == ticket.Group);
        var position = ahead + 1;
        var perCustomer = MeanRecentWait() ?? _options.DefaultHandlingTime;
        var estimate = perCustomer * position / Math.Max(1, _options.AgentsOnDuty);
        return new QueuePosition(ticketId, position, estimate);
    }

    /// <summary>An agent takes a waiting ticket. Exactly one of two agents taking at once succeeds.</summary>
    public bool TryTake(string ticketId, string agent) =>
        Change(ticketId, EscalationChange.Taken, t => t.State == EscalationState.Waiting, t =>
        {
            t.State = EscalationState.Taken;
            t.Agent = agent;
            t.TakenAt = _time.GetUtcNow();
        });

    /// <summary>Back to the queue of another group, keeping its place by the time it first waited.</summary>
    public bool TryTransfer(string ticketId, string group) =>
        Change(ticketId, EscalationChange.Transferred, t => t.State != EscalationState.Closed && _routing.Groups.Contains(group), t =>
        {
            t.Group = group;
            t.State = EscalationState.Waiting;
            t.Agent = null;
            t.TakenAt = null;
        });

    public bool TryClose(string ticketId) =>
        Change(ticketId, EscalationChange.Closed, t => t.State != EscalationState.Closed, t =>
        {
            t.State = EscalationState.Closed;
            t.ClosedAt = _time.GetUtcNow();
        });

    public bool RequestCallback(string ticketId, string number, ICollection<Action>? announceLater = null) =>
        Change(ticketId, EscalationChange.CallbackRequested, t => t.State != EscalationState.Closed,
            t => t.Callback = new CallbackRequest { Number = number, RequestedAt = _time.GetUtcNow() }, announceLater);

    public bool CompleteCallback(string ticketId, string agent) =>
        Change(ticketId, EscalationChange.CallbackDone, t => t.Callback is { DoneAt: null }, t =>
        {
            t.Callback!.DoneAt = _time.GetUtcNow();
            t.Callback.DoneBy = agent;
        });

    /// <summary>The customer or the agent wrote in the ticket's conversation: the desk shows it at once.</summary>
    public void NotifyNewLine(EscalationTicket ticket) => Changed?.Invoke(ticket, EscalationChange.NewLine);

    public bool IsLongWait(QueuePosition position) => position.EstimatedWait > _options.CallbackOfferAfter;

    private bool Change(
        string ticketId, EscalationChange change, Func<EscalationTicket, bool> allowed, Action<EscalationTicket> apply, ICollection<Action>? announceLater = null)
    {
        EscalationTicket? ticket;
        lock (_gate)
        {
            ticket = _tickets.FindById(ticketId);
            if (ticket is null || !allowed(ticket)) return false;
            apply(ticket);
            _tickets.Update(ticket);
        }
        Announce(ticket, change, announceLater);
        return true;
    }

    private void Announce(EscalationTicket ticket, EscalationChange change, ICollection<Action>? later)
    {
        if (later is null) Changed?.Invoke(ticket, change);
        else later.Add(() => Changed?.Invoke(ticket, change));
    }

    private TimeSpan? MeanRecentWait()
    {
        var recent = _tickets.Query().Where(t => t.TakenAt != null).OrderByDescending(t => t.TakenAt).Limit(WaitSample).ToList();
        if (recent.Count == 0) return null;
        return TimeSpan.FromTicks((long)recent.Average(t => (t.TakenAt!.Value - t.EnqueuedAt).Ticks));
    }
}

public enum EscalationChange { Queued, Taken, Transferred, Closed, CallbackRequested, CallbackDone, NewLine }

/// <summary>What the bot knows when it hands a conversation to people.</summary>
public sealed record EscalationRequest(
    string TicketId, string? CustomerId, string Channel, string Address, string SessionId, string Language, string Reason,
    string LastQuestion, string Topic);
