using MailKit;

namespace SelfService.Channels.Email.Inbound;

/// <summary>
/// Marks a message done on the server, once the gateway has stored it (or refused it): moved to the processed folder
/// when one is configured, otherwise flagged \Seen with the keyword <see cref="Keyword"/>. The keyword, not \Seen, is
/// what the gateway searches by, so a person reading the mailbox cannot make it skip a message.
/// </summary>
internal sealed class ProcessedMarker(IMailFolder folder, IMailFolder? processedFolder)
{
    public const string Keyword = "SelfServiceProcessed";

    /// <summary>Messages not processed yet: with a processed folder, everything left in the folder.</summary>
    public MailKit.Search.SearchQuery Unprocessed =>
        processedFolder is null ? MailKit.Search.SearchQuery.NotKeyword(Keyword) : MailKit.Search.SearchQuery.All;

    public async Task MarkAsync(UniqueId uid, CancellationToken cancellationToken)
    {
        var flags = new StoreFlagsRequest(StoreAction.Add, MessageFlags.Seen) { Silent = true };
        if (processedFolder is null) flags.Keywords.Add(Keyword);
        await folder.StoreAsync(uid, flags, cancellationToken);
        if (processedFolder is not null) await folder.MoveToAsync(uid, processedFolder, cancellationToken);
    }
}
