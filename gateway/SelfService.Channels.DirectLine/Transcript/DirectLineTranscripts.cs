using System.Security.Cryptography;
using SelfService.Storage.Channels;

namespace SelfService.Channels.DirectLine.Transcript;

/// <summary>Direct Line conversations and their transcripts, kept by the storage port so a reload or resume shows them.</summary>
public sealed class DirectLineTranscripts(IDirectLineTranscriptStore store)
{
    /// <summary>The most activities one GET returns; the client asks again from the new watermark.</summary>
    public const int PageSize = 100;

    /// <summary>Starts a conversation with a new random id (unguessable: the id is also the customer's sender address).</summary>
    public async Task<string> CreateConversationAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        await store.CreateConversationAsync(new DirectLineConversationRecord { Id = id, CreatedAt = now }, cancellationToken);
        return id;
    }

    public Task<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken) => store.ExistsAsync(conversationId, cancellationToken);

    /// <summary>Adds the activity unless one with its key is there; returns what is stored and whether it was added now.</summary>
    public Task<(DirectLineActivityRecord Stored, bool Added)> AppendAsync(DirectLineActivityRecord activity, CancellationToken cancellationToken) =>
        store.AppendAsync(activity, cancellationToken);

    public Task<DirectLineActivityRecord?> FindByKeyAsync(string key, CancellationToken cancellationToken) => store.FindByKeyAsync(key, cancellationToken);

    /// <summary>The conversation's activities after the watermark, oldest first, at most <see cref="PageSize"/>.</summary>
    public Task<IReadOnlyList<DirectLineActivityRecord>> AfterAsync(string conversationId, long watermark, CancellationToken cancellationToken) =>
        store.AfterAsync(conversationId, watermark, PageSize, cancellationToken);

    /// <summary>The conversation's activities after the watermark, oldest first, at most <paramref name="limit"/>.</summary>
    public Task<IReadOnlyList<DirectLineActivityRecord>> AfterAsync(string conversationId, long watermark, int limit, CancellationToken cancellationToken) =>
        store.AfterAsync(conversationId, watermark, limit, cancellationToken);
}
