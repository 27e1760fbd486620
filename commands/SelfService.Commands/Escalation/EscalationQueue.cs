using LiteDB;
using Microsoft.Extensions.Options;

namespace SelfService.Commands.Escalation;

/// <summary>
/// The human queue. Position counts the tickets that were waiting before this one; the estimate uses the
/// mean time agents took to pick up the last tickets (or the configured handling time until there are any).
/// </summary>
public sealed class EscalationQueue
{
    private const int WaitSample = 20;
    private readonly ILiteCollection<EscalationTicket> _tickets;
    private readonly EscalationOptions _options;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();

    public EscalationQueue(ILiteDatabase database, IOptions<EscalationOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        _tickets = database.GetCollection<EscalationTicket>("escalations");
        _tickets.EnsureIndex(t => t.State);
        _tickets.EnsureIndex(t => t.EnqueuedAt);
    }

    public EscalationTicket Enqueue(string ticketId, string? customerId, string channel, string address, string sessionId, string language, string reason, string lastQuestion)
    {
        lock (_gate)
        {
            // Deterministic id per inbound message: a re-run after a crash finds the ticket it made before.
            var existing = _tickets.FindById(ticketId);
            if (existing is not null) return existing;
            var ticket = new EscalationTicket
            {
                Id = ticketId, CustomerId = customerId, Channel = channel, Address = address, SessionId = sessionId,
                Language = language, Reason = reason, LastQuestion = lastQuestion, State = EscalationState.Waiting,
                EnqueuedAt = _time.GetUtcNow(),
            };
            _tickets.Insert(ticket);
            return ticket;
        }
    }

    public EscalationTicket? Get(string ticketId) => _tickets.FindById(ticketId);

    public IReadOnlyList<EscalationTicket> Waiting() =>
        _tickets.Query().Where(t => t.State == EscalationState.Waiting).OrderBy(t => t.EnqueuedAt).ToList();

    public QueuePosition? PositionOf(string ticketId)
    {
        var ticket = _tickets.FindById(ticketId);
        if (ticket is null || ticket.State != EscalationState.Waiting) return null;
        var ahead = _tickets.Count(t => t.State == EscalationState.Waiting && t.EnqueuedAt < ticket.EnqueuedAt);
        var position = ahead + 1;
        var perCustomer = MeanRecentWait() ?? _options.DefaultHandlingTime;
        var estimate = perCustomer * position / Math.Max(1, _options.AgentsOnDuty);
        return new QueuePosition(ticketId, position, estimate);
    }

    /// <summary>An agent takes a waiting ticket. Exactly one of two agents taking at once succeeds.</summary>
    public bool TryTake(string ticketId, string agent)
    {
        lock (_gate)
        {
            var ticket = _tickets.FindById(ticketId);
            if (ticket is null || ticket.State != EscalationState.Waiting) return false;
            ticket.State = EscalationState.Taken;
            ticket.Agent = agent;
            ticket.TakenAt = _time.GetUtcNow();
            _tickets.Update(ticket);
            return true;
        }
    }

    public bool TryClose(string ticketId)
    {
        lock (_gate)
        {
            var ticket = _tickets.FindById(ticketId);
            if (ticket is null || ticket.State == EscalationState.Closed) return false;
            ticket.State = EscalationState.Closed;
            ticket.ClosedAt = _time.GetUtcNow();
            _tickets.Update(ticket);
            return true;
        }
    }

    private TimeSpan? MeanRecentWait()
    {
        var recent = _tickets.Query().Where(t => t.TakenAt != null).OrderByDescending(t => t.TakenAt).Limit(WaitSample).ToList();
        if (recent.Count == 0) return null;
        return TimeSpan.FromTicks((long)recent.Average(t => (t.TakenAt!.Value - t.EnqueuedAt).Ticks));
    }
}
