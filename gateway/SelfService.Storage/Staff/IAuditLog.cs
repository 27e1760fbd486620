namespace SelfService.Storage.Staff;

/// <summary>
/// The audit trail: appended to, never changed. Entries are ordered by their ids, which the caller makes time-ordered
/// (<see cref="AuditEntry.Id"/>), so "newest first" and paging are a walk down the primary key in every engine.
/// </summary>
public interface IAuditLog
{
    /// <summary>Durable when the task completes.</summary>
    Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>Newest first: at most <see cref="AuditQuery.Limit"/> entries matching the query.</summary>
    Task<IReadOnlyList<AuditEntry>> RecentAsync(AuditQuery query, CancellationToken cancellationToken);
}
