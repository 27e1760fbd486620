namespace SelfService.Storage.PostgreSql.Channels;

/// <summary>What the web chat's and Direct Line's transcripts share: their tables, and purging idle conversations.</summary>
internal static class PgTranscripts
{
    private const int Chunk = 200;

    public static readonly TranscriptTables WebChat = new("webchat_conversations", "webchat_activities");
    public static readonly TranscriptTables DirectLine = new("directline_conversations", "directline_activities");

    /// <summary>
    /// Deletes conversations created before <paramref name="before"/> with no activity since, with their activities,
    /// <see cref="Chunk"/> conversations per commit so the message path goes on meanwhile. With <paramref name="unlinkedOf"/>,
    /// only those whose visitor never linked a number on that channel (no customer holds the conversation as an identity).
    /// </summary>
    public static async Task<int> PurgeIdleAsync(PgDatabase database, TranscriptTables tables, DateTimeOffset before, string? unlinkedOf,
        CancellationToken cancellationToken)
    {
        var deleted = 0;
        while (true)
        {
            var removed = await database.WriteAsync(connection => Sql.ExecuteAsync(connection, $"""
                WITH gone AS (
                    SELECT c.id FROM {tables.Conversations} c
                    WHERE c.created_at < @before
                      AND NOT EXISTS (SELECT 1 FROM {tables.Activities} a WHERE a.conversation_id = c.id AND a.at >= @before)
                      AND (@channel::text IS NULL OR NOT EXISTS (SELECT 1 FROM customers WHERE identity_keys @> ARRAY[@channel || '|' || c.id]))
                    ORDER BY c.id LIMIT {Chunk} FOR UPDATE SKIP LOCKED),
                lines AS (DELETE FROM {tables.Activities} a USING gone WHERE a.conversation_id = gone.id)
                DELETE FROM {tables.Conversations} c USING gone WHERE c.id = gone.id
                """, cancellationToken, ("before", before), ("channel", unlinkedOf)), cancellationToken);
            deleted += removed;
            if (removed < Chunk) return deleted;
        }
    }
}

/// <summary>A chat's conversations and activities tables.</summary>
internal sealed record TranscriptTables(string Conversations, string Activities);
