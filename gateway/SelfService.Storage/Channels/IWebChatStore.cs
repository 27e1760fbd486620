namespace SelfService.Storage.Channels;

/// <summary>The gateway's own web chat: conversations and their transcripts.</summary>
public interface IWebChatStore
{
    /// <summary>Stores a new conversation; its id must not exist yet.</summary>
    Task CreateAsync(WebChatConversation conversation, CancellationToken cancellationToken);

    Task<WebChatConversation?> FindAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a line unless one with the same <see cref="WebChatActivity.ActivityId"/> is there already (checked and added in
    /// one atomic step). Returns whether it was added. The store gives it its <see cref="WebChatActivity.Seq"/>, greater than
    /// every line committed before: a reader that sees a line sees every earlier one, so a watermark never skips one.
    /// </summary>
    Task<bool> AppendAsync(WebChatActivity activity, CancellationToken cancellationToken);

    /// <summary>The conversation's lines after <paramref name="watermark"/>, oldest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<WebChatActivity>> AfterAsync(string conversationId, long watermark, int limit, CancellationToken cancellationToken);

    /// <summary>Deletes the conversations created before <paramref name="before"/> whose last line (or creation) is older
    /// too, with their transcripts. Returns how many conversations went.</summary>
    Task<int> PurgeIdleAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
