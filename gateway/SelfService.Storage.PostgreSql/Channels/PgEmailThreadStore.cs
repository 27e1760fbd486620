using SelfService.Storage.Channels;

namespace SelfService.Storage.PostgreSql.Channels;

/// <summary>Email threading headers, by the gateway's inbound message id.</summary>
internal sealed class PgEmailThreadStore(PgDatabase database) : IEmailThreadStore
{
    public Task SaveAsync(EmailThread thread, CancellationToken cancellationToken) =>
        database.WriteAsync(connection => Sql.ExecuteAsync(connection,
            "INSERT INTO email_threads (id, doc) VALUES (@id, @doc) ON CONFLICT (id) DO UPDATE SET doc = EXCLUDED.doc",
            cancellationToken, ("id", thread.Id), ("doc", Documents.Of(thread))), cancellationToken);

    public Task<EmailThread?> FindAsync(string inboundMessageId, CancellationToken cancellationToken) =>
        database.ReadAsync(connection => Sql.DocumentAsync<EmailThread>(connection, "SELECT doc FROM email_threads WHERE id = @id",
            cancellationToken, ("id", inboundMessageId)), cancellationToken);

    public Task DeleteAsync(string inboundMessageId, CancellationToken cancellationToken) =>
        database.WriteAsync(connection => Sql.ExecuteAsync(connection, "DELETE FROM email_threads WHERE id = @id", cancellationToken, ("id", inboundMessageId)),
            cancellationToken);
}
