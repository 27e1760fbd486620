using LiteDB;
using SelfService.Storage.Staff;

namespace SelfService.Storage.LiteDb.Staff;

/// <summary>The audit trail in "staff_audit", newest first by the primary key.</summary>
internal sealed class LiteAuditLog : IAuditLog
{
    public const string Collection = "staff_audit";

    private readonly ILiteCollection<AuditEntry> _entries;
    private readonly GroupCommitWriter _writer;

    public LiteAuditLog(ILiteDatabase database, GroupCommitWriter writer)
    {
        _writer = writer;
        _entries = database.GetCollection<AuditEntry>(Collection);
        _entries.EnsureIndex(e => e.Subject);
        _entries.EnsureIndex(e => e.Actor);
    }

    public Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken) =>
        _writer.WriteAsync(db => db.GetCollection<AuditEntry>(Collection).Insert(entry), cancellationToken);

    public Task<IReadOnlyList<AuditEntry>> RecentAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        var found = _entries.Query();
        if (!string.IsNullOrEmpty(query.Actor)) found = found.Where(Filters.Equal(nameof(AuditEntry.Actor), query.Actor));
        if (!string.IsNullOrEmpty(query.Subject)) found = found.Where(Filters.Equal(nameof(AuditEntry.Subject), query.Subject));
        if (!string.IsNullOrEmpty(query.Before)) found = found.Where(Filters.Before("_id", query.Before));
        IReadOnlyList<AuditEntry> page = found.OrderByDescending("$._id").Limit(Math.Max(0, query.Limit)).ToList();
        return Task.FromResult(page);
    }
}
