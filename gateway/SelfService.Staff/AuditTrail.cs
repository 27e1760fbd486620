using LiteDB;

namespace SelfService.Staff;

/// <summary>Append-only record of sign-ins and of every action staff take on a customer's data.</summary>
public sealed class AuditTrail
{
    private readonly ILiteCollection<AuditEntry> _entries;
    private readonly TimeProvider _time;

    public AuditTrail(ILiteDatabase database, TimeProvider time)
    {
        _entries = database.GetCollection<AuditEntry>("staff_audit");
        _entries.EnsureIndex(e => e.Subject);
        _entries.EnsureIndex(e => e.Actor);
        _time = time;
    }

    public void Record(string actor, string action, string subject, string? details, string? remoteAddress = null) =>
        _entries.Insert(new AuditEntry
        {
            Id = Guid.CreateVersion7().ToString("N"), Actor = actor, Action = action, Subject = subject, Details = details,
            RemoteAddress = remoteAddress, At = _time.GetUtcNow(),
        });

    /// <summary>Newest first; by actor or subject when given.</summary>
    public IReadOnlyList<AuditEntry> Recent(int limit, string? actor = null, string? subject = null)
    {
        var query = _entries.Query();
        if (!string.IsNullOrEmpty(actor)) query = query.Where(e => e.Actor == actor);
        if (!string.IsNullOrEmpty(subject)) query = query.Where(e => e.Subject == subject);
        return query.OrderByDescending(e => e.Id).Limit(limit).ToList();
    }
}
