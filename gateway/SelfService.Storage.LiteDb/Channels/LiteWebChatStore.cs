using LiteDB;
using SelfService.Storage.Channels;

namespace SelfService.Storage.LiteDb.Channels;

/// <summary>The web chat's conversations ("webchat_conversations") and transcript lines ("webchat_activities", the sequence
/// number as the id).</summary>
internal sealed class LiteWebChatStore : IWebChatStore
{
    public const string Conversations = "webchat_conversations";
    public const string Activities = "webchat_activities";

    private readonly ILiteCollection<WebChatConversation> _conversations;
    private readonly ILiteCollection<WebChatActivity> _activities;
    private readonly GroupCommitWriter _writer;

    public LiteWebChatStore(ILiteDatabase database, GroupCommitWriter writer)
    {
        _writer = writer;
        _conversations = database.GetCollection<WebChatConversation>(Conversations);
        _conversations.EnsureIndex(c => c.CreatedAt);
        _activities = database.GetCollection<WebChatActivity>(Activities);
        _activities.EnsureIndex(a => a.ActivityId, unique: true);
        _activities.EnsureIndex(a => a.ConversationId);
    }

    public Task CreateAsync(WebChatConversation conversation, CancellationToken cancellationToken) =>
        _writer.WriteAsync(db => db.GetCollection<WebChatConversation>(Conversations).Insert(conversation), cancellationToken);

    public Task<WebChatConversation?> FindAsync(string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult<WebChatConversation?>(_conversations.FindById(conversationId));

    public Task<bool> AppendAsync(WebChatActivity activity, CancellationToken cancellationToken) =>
        _writer.WriteAsync(db =>
        {
            var activities = db.GetCollection<WebChatActivity>(Activities);
            // Checked first, never caught: a unique-index violation would roll back the whole group commit.
            if (activities.Exists(Filters.Equal(nameof(WebChatActivity.ActivityId), activity.ActivityId))) return false;
            activity.Seq = 0;   // the engine gives the next one (again, if the batch is replayed)
            activities.Insert(activity);
            return true;
        }, cancellationToken);

    public Task<IReadOnlyList<WebChatActivity>> AfterAsync(string conversationId, long watermark, int limit, CancellationToken cancellationToken) =>
        Task.FromResult(LiteTranscripts.After(_activities, nameof(WebChatActivity.ConversationId), conversationId, watermark, limit));

    public Task<int> PurgeIdleAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        LiteTranscripts.PurgeIdleAsync(_writer, Conversations, Activities, nameof(WebChatActivity.ConversationId), nameof(WebChatActivity.At),
            before, unlinkedOf: null, cancellationToken);
}
