using LiteDB;

namespace SelfService.Channels.Email;

/// <summary>The threading headers of answered mails, so replies carry In-Reply-To and References.</summary>
public sealed class EmailThreadStore
{
    private readonly ILiteCollection<EmailThread> _threads;

    public EmailThreadStore(ILiteDatabase database)
    {
        _threads = database.GetCollection<EmailThread>("email_threads");
    }

    public void Save(EmailThread thread) => _threads.Upsert(thread);

    public EmailThread? Find(string inboundMessageId) => _threads.FindById(inboundMessageId);

    public void Delete(string inboundMessageId) => _threads.Delete(inboundMessageId);
}
