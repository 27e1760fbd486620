namespace SelfService.Storage.Channels;

/// <summary>The threading headers of answered mails, so replies carry In-Reply-To and References.</summary>
public interface IEmailThreadStore
{
    /// <summary>Stores the thread under its <see cref="EmailThread.Id"/>, replacing one stored there before.</summary>
    Task SaveAsync(EmailThread thread, CancellationToken cancellationToken);

    Task<EmailThread?> FindAsync(string inboundMessageId, CancellationToken cancellationToken);

    Task DeleteAsync(string inboundMessageId, CancellationToken cancellationToken);
}
