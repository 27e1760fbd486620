using System.Security.Cryptography;
using LiteDB;

namespace SelfService.Channels.DirectLine.Transcript;

/// <summary>Direct Line conversations and their transcripts, in the gateway's LiteDB, so a reload or resume shows them.</summary>
public sealed class DirectLineTranscripts
{
    private readonly ILiteCollection<DirectLineConversationRecord> _conversations;
    private readonly ILiteCollection<DirectLineActivityRecord> _activities;
    private readonly Lock _gate = new();

    public DirectLineTranscripts(ILiteDatabase database)
    {
        _conversations = database.GetCollection<DirectLineConversationRecord>("directline_conversations");
        _activities = database.GetCollection<DirectLineActivityRecord>("directline_activities");
        _activities.EnsureIndex(a => a.Key, unique: true);
        _activities.EnsureIndex(a => a.ConversationId);
    }

    /// <summary>Starts a conversation with a new random id (unguessable: the id is also the customer's sender address).</summary>
    public string CreateConversation(DateTimeOffset now)
    {
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        _conversations.Insert(new DirectLineConversationRecord { Id = id, CreatedAt = now });
        return id;
    }

    public bool Exists(string conversationId) => _conversations.FindById(conversationId) is not null;

    /// <summary>Adds the activity unless one with its key is there; returns what is stored and whether it was added now.</summary>
    public (DirectLineActivityRecord Stored, bool Added) Append(DirectLineActivityRecord activity)
    {
        lock (_gate)
        {
            if (FindByKey(activity.Key) is { } existing) return (existing, false);
            _activities.Insert(activity);
            return (activity, true);
        }
    }

    public DirectLineActivityRecord? FindByKey(string key) => _activities.FindOne(a => a.Key == key);

    /// <summary>The conversation's activities after the watermark, oldest first, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<DirectLineActivityRecord> After(string conversationId, long watermark, int limit = 100) =>
        _activities.Query().Where(a => a.ConversationId == conversationId && a.Seq > watermark).OrderBy(a => a.Seq).Limit(limit).ToList();
}
