namespace SelfService.Storage.Channels;

/// <summary>Direct Line conversations and their transcripts, kept so a reload or resume shows them.</summary>
public interface IDirectLineTranscriptStore
{
    /// <summary>Stores a new conversation; its id must not exist yet.</summary>
    Task CreateConversationAsync(DirectLineConversationRecord conversation, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>
    /// Adds the activity unless one with its key is there (checked and added in one atomic step); returns what is stored
    /// and whether it was added now. The store gives it its <see cref="DirectLineActivityRecord.Seq"/>, greater than every
    /// activity committed before: a reader that sees an activity sees every earlier one, so a watermark never skips one.
    /// </summary>
    Task<(DirectLineActivityRecord Stored, bool Added)> AppendAsync(DirectLineActivityRecord activity, CancellationToken cancellationToken);

    Task<DirectLineActivityRecord?> FindByKeyAsync(string key, CancellationToken cancellationToken);

    /// <summary>The conversation's activities after the watermark, oldest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<DirectLineActivityRecord>> AfterAsync(string conversationId, long watermark, int limit, CancellationToken cancellationToken);

    /// <summary>Deletes the conversations created before <paramref name="before"/> whose last activity is older too, with
    /// their transcripts. Returns how many conversations went.</summary>
    Task<int> PurgeIdleAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
