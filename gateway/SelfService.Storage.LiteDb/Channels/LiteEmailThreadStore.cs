using LiteDB;
using SelfService.Storage.Channels;

namespace SelfService.Storage.LiteDb.Channels;

/// <summary>Email threading headers in "email_threads", by the gateway's inbound message id.</summary>
internal sealed class LiteEmailThreadStore(ILiteDatabase database, GroupCommitWriter writer) : IEmailThreadStore
{
    public const string Collection = "email_threads";

    private readonly ILiteCollection<EmailThread> _threads = database.GetCollection<EmailThread>(Collection);

    public Task SaveAsync(EmailThread thread, CancellationToken cancellationToken) =>
        writer.WriteAsync(db => db.GetCollection<EmailThread>(Collection).Upsert(thread), cancellationToken);

    public Task<EmailThread?> FindAsync(string inboundMessageId, CancellationToken cancellationToken) =>
        Task.FromResult<EmailThread?>(_threads.FindById(inboundMessageId));

    public Task DeleteAsync(string inboundMessageId, CancellationToken cancellationToken) =>
        writer.WriteAsync(db => db.GetCollection<EmailThread>(Collection).Delete(inboundMessageId), cancellationToken);
}
