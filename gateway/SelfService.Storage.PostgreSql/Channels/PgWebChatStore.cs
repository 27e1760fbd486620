using SelfService.Storage.Channels;

namespace SelfService.Storage.PostgreSql.Channels;

/// <summary>
/// The web chat's conversations and transcript lines. A line's sequence number comes from an identity column while the
/// conversation's advisory lock is held, until the commit: so within a conversation, numbers are given in commit order
/// and a reader that sees a line sees every earlier one (a watermark never skips a line).
/// </summary>
internal sealed class PgWebChatStore(PgDatabase database) : IWebChatStore
{
    public Task CreateAsync(WebChatConversation conversation, CancellationToken cancellationToken) =>
        database.WriteAsync(connection => Sql.ExecuteAsync(connection, "INSERT INTO webchat_conversations (id, created_at, doc) VALUES (@id, @at, @doc)",
            cancellationToken, ("id", conversation.Id), ("at", conversation.CreatedAt), ("doc", Documents.Of(conversation))), cancellationToken);

    public Task<WebChatConversation?> FindAsync(string conversationId, CancellationToken cancellationToken) =>
        database.ReadAsync(connection => Sql.DocumentAsync<WebChatConversation>(connection, "SELECT doc FROM webchat_conversations WHERE id = @id",
            cancellationToken, ("id", conversationId)), cancellationToken);

    public Task<bool> AppendAsync(WebChatActivity activity, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            await Sql.LockAsync(connection, LockSpace.WebChatConversation, activity.ConversationId, cancellationToken);
            activity.Seq = 0;   // given by the table; not kept in the document
            return await Sql.ExecuteAsync(connection, """
                INSERT INTO webchat_activities (activity_id, conversation_id, at, doc) VALUES (@id, @conversation, @at, @doc) ON CONFLICT (activity_id) DO NOTHING
                """, cancellationToken,
                ("id", activity.ActivityId), ("conversation", activity.ConversationId), ("at", activity.At), ("doc", Documents.Of(activity))) == 1;
        }, cancellationToken);

    public Task<IReadOnlyList<WebChatActivity>> AfterAsync(string conversationId, long watermark, int limit, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<WebChatActivity>>(async connection => await Sql.ListAsync(connection,
            "SELECT seq, doc FROM webchat_activities WHERE conversation_id = @conversation AND seq > @watermark ORDER BY seq LIMIT @limit",
            r =>
            {
                var line = Documents.Read<WebChatActivity>(r.GetString(1));
                line.Seq = r.GetInt64(0);
                return line;
            }, cancellationToken, ("conversation", conversationId), ("watermark", watermark), ("limit", (long)limit)), cancellationToken);

    public Task<int> PurgeIdleAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        PgTranscripts.PurgeIdleAsync(database, PgTranscripts.WebChat, before, unlinkedOf: null, cancellationToken);
}
