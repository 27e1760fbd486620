using Npgsql;
using SelfService.Storage.Channels;

namespace SelfService.Storage.PostgreSql.Channels;

/// <summary>Direct Line conversations and activities; sequence numbers are given as the web chat's are (see <see cref="PgWebChatStore"/>).</summary>
internal sealed class PgDirectLineTranscriptStore(PgDatabase database) : IDirectLineTranscriptStore
{
    public Task CreateConversationAsync(DirectLineConversationRecord conversation, CancellationToken cancellationToken) =>
        database.WriteAsync(connection => Sql.ExecuteAsync(connection, "INSERT INTO directline_conversations (id, created_at) VALUES (@id, @at)",
            cancellationToken, ("id", conversation.Id), ("at", conversation.CreatedAt)), cancellationToken);

    public Task<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken) =>
        database.ReadAsync(connection => Sql.ScalarAsync<bool>(connection, "SELECT EXISTS (SELECT 1 FROM directline_conversations WHERE id = @id)",
            cancellationToken, ("id", conversationId)), cancellationToken);

    public Task<(DirectLineActivityRecord Stored, bool Added)> AppendAsync(DirectLineActivityRecord activity, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            await Sql.LockAsync(connection, LockSpace.DirectLineConversation, activity.ConversationId, cancellationToken);
            if (await FindAsync(connection, activity.Key, cancellationToken) is { } existing) return (existing, false);
            activity.Seq = 0;   // given by the table; the document's own is not read back
            var seq = await Sql.ScalarAsync<long>(connection, """
                INSERT INTO directline_activities (key, conversation_id, at, doc) VALUES (@key, @conversation, @at, @doc)
                ON CONFLICT (key) DO NOTHING RETURNING seq
                """, cancellationToken,
                ("key", activity.Key), ("conversation", activity.ConversationId), ("at", activity.Timestamp), ("doc", Documents.Of(activity)));
            // Zero: the key was taken meanwhile under another conversation's lock; that commit is what is stored.
            if (seq == 0) return (await FindAsync(connection, activity.Key, cancellationToken) ?? throw new WriteConflictException("an activity's key came and went"), false);
            activity.Seq = seq;
            return (activity, true);
        }, cancellationToken);

    public Task<DirectLineActivityRecord?> FindByKeyAsync(string key, CancellationToken cancellationToken) =>
        database.ReadAsync(connection => FindAsync(connection, key, cancellationToken), cancellationToken);

    private static async Task<DirectLineActivityRecord?> FindAsync(NpgsqlConnection connection, string key, CancellationToken cancellationToken) =>
        (await Sql.ListAsync(connection, "SELECT seq, doc FROM directline_activities WHERE key = @key", Read, cancellationToken, ("key", key))).FirstOrDefault();

    public Task<IReadOnlyList<DirectLineActivityRecord>> AfterAsync(string conversationId, long watermark, int limit, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<DirectLineActivityRecord>>(async connection => await Sql.ListAsync(connection,
            "SELECT seq, doc FROM directline_activities WHERE conversation_id = @conversation AND seq > @watermark ORDER BY seq LIMIT @limit",
            Read, cancellationToken, ("conversation", conversationId), ("watermark", watermark), ("limit", (long)limit)), cancellationToken);

    private static DirectLineActivityRecord Read(NpgsqlDataReader reader)
    {
        var activity = Documents.Read<DirectLineActivityRecord>(reader.GetString(1));
        activity.Seq = reader.GetInt64(0);
        return activity;
    }

    public Task<int> PurgeIdleAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        PgTranscripts.PurgeIdleAsync(database, PgTranscripts.DirectLine, before, unlinkedOf: null, cancellationToken);
}
