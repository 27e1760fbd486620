using LiteDB;
using SelfService.Storage.Channels;

namespace SelfService.Storage.LiteDb.Channels;

/// <summary>Direct Line conversations ("directline_conversations") and activities ("directline_activities", the sequence
/// number as the id).</summary>
internal sealed class LiteDirectLineTranscriptStore : IDirectLineTranscriptStore
{
    public const string Conversations = "directline_conversations";
    public const string Activities = "directline_activities";

    private readonly ILiteCollection<DirectLineConversationRecord> _conversations;
    private readonly ILiteCollection<DirectLineActivityRecord> _activities;
    private readonly GroupCommitWriter _writer;

    public LiteDirectLineTranscriptStore(ILiteDatabase database, GroupCommitWriter writer)
    {
        _writer = writer;
        _conversations = database.GetCollection<DirectLineConversationRecord>(Conversations);
        _conversations.EnsureIndex(c => c.CreatedAt);
        _activities = database.GetCollection<DirectLineActivityRecord>(Activities);
        _activities.EnsureIndex(a => a.Key, unique: true);
        _activities.EnsureIndex(a => a.ConversationId);
    }

    public Task CreateConversationAsync(DirectLineConversationRecord conversation, CancellationToken cancellationToken) =>
        _writer.WriteAsync(db => db.GetCollection<DirectLineConversationRecord>(Conversations).Insert(conversation), cancellationToken);

    public Task<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult(_conversations.Exists(Filters.Equal("_id", conversationId)));

    public Task<(DirectLineActivityRecord Stored, bool Added)> AppendAsync(DirectLineActivityRecord activity, CancellationToken cancellationToken) =>
        _writer.WriteAsync(db =>
        {
            var activities = db.GetCollection<DirectLineActivityRecord>(Activities);
            // Checked first, never caught: a unique-index violation would roll back the whole group commit.
            if (activities.FindOne(Filters.Equal(nameof(DirectLineActivityRecord.Key), activity.Key)) is { } existing) return (existing, false);
            activity.Seq = 0;   // the engine gives the next one (again, if the batch is replayed)
            activities.Insert(activity);
            return (activity, true);
        }, cancellationToken);

    public Task<DirectLineActivityRecord?> FindByKeyAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult<DirectLineActivityRecord?>(_activities.FindOne(Filters.Equal(nameof(DirectLineActivityRecord.Key), key)));

    public Task<IReadOnlyList<DirectLineActivityRecord>> AfterAsync(string conversationId, long watermark, int limit, CancellationToken cancellationToken) =>
        Task.FromResult(LiteTranscripts.After(_activities, nameof(DirectLineActivityRecord.ConversationId), conversationId, watermark, limit));

    public Task<int> PurgeIdleAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        LiteTranscripts.PurgeIdleAsync(_writer, Conversations, Activities, nameof(DirectLineActivityRecord.ConversationId),
            nameof(DirectLineActivityRecord.Timestamp), before, unlinkedOf: null, cancellationToken);
}
