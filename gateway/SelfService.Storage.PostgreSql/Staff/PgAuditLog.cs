using SelfService.Storage.Staff;

namespace SelfService.Storage.PostgreSql.Staff;

/// <summary>The audit trail, newest first by the primary key.</summary>
internal sealed class PgAuditLog(PgDatabase database) : IAuditLog
{
    public Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken) =>
        database.WriteAsync(connection => Sql.ExecuteAsync(connection, "INSERT INTO staff_audit (id, actor, subject, doc) VALUES (@id, @actor, @subject, @doc)",
            cancellationToken, ("id", entry.Id), ("actor", entry.Actor), ("subject", entry.Subject), ("doc", Documents.Of(entry))), cancellationToken);

    public Task<IReadOnlyList<AuditEntry>> RecentAsync(AuditQuery query, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<AuditEntry>>(async connection => await Sql.DocumentsAsync<AuditEntry>(connection, """
            SELECT doc FROM staff_audit
            WHERE (@actor::text IS NULL OR actor = @actor) AND (@subject::text IS NULL OR subject = @subject) AND (@before::text IS NULL OR id < @before)
            ORDER BY id DESC LIMIT @limit
            """, cancellationToken, ("actor", NullIfEmpty(query.Actor)), ("subject", NullIfEmpty(query.Subject)), ("before", NullIfEmpty(query.Before)),
            ("limit", (long)Math.Max(0, query.Limit))), cancellationToken);

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
