using SelfService.Messaging;
using SelfService.Storage.PostgreSql.Channels;
using SelfService.Storage.PostgreSql.Statistics;

namespace SelfService.Storage.PostgreSql;

/// <summary>
/// Deletes what the retention policy no longer keeps, a thousand rows per commit, by ranges of the primary key (ids begin
/// with their time, see <see cref="TimeOrderedIds"/>), with the same rules as the LiteDB engine: accepted messages not
/// processed yet and replies still waiting stay, whatever their age. Rows another instance holds locked are skipped.
/// </summary>
internal sealed class PgRetention(PgDatabase database)
{
    private const int Chunk = 1000;

    public async Task<RetentionReport> PurgeAsync(RetentionPolicy policy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var inbound = await PurgeRangeAsync("inbound", "state <> 'Accepted'", "", now - policy.Inbound, cancellationToken);
        var outbox = await PurgeMessagesAndAgentsAsync("outbox", "state IN ('Sent', 'Failed')", now - policy.Outbox, cancellationToken);
        var history = await PurgeMessagesAndAgentsAsync("history", "true", now - policy.History, cancellationToken);
        var conversations = 0;
        if (policy.Conversations is { } idle)
            conversations += await PgTranscripts.PurgeIdleAsync(database, PgTranscripts.WebChat, now - idle, unlinkedOf: null, cancellationToken)
                + await PgTranscripts.PurgeIdleAsync(database, PgTranscripts.DirectLine, now - idle, unlinkedOf: null, cancellationToken);
        if (policy.UnlinkedConversations is { } unlinkedIdle)
            conversations += await PgTranscripts.PurgeIdleAsync(database, PgTranscripts.WebChat, now - unlinkedIdle, ChannelNames.WebChat, cancellationToken)
                + await PgTranscripts.PurgeIdleAsync(database, PgTranscripts.DirectLine, now - unlinkedIdle, ChannelNames.DirectLine, cancellationToken);
        var statistics = policy.Statistics is { } kept ? await PgTrafficStatisticsStore.PurgeAsync(database, now - kept, cancellationToken) : 0;
        return new RetentionReport(inbound, outbox, history) { Conversations = conversations, StatisticsHours = statistics };
    }

    private async Task<int> PurgeMessagesAndAgentsAsync(string table, string done, DateTimeOffset before, CancellationToken cancellationToken) =>
        await PurgeRangeAsync(table, done, "", before, cancellationToken)
        + await PurgeRangeAsync(table, done, TimeOrderedIds.AgentPrefix, before, cancellationToken);

    /// <summary>Deletes, among the ids from <paramref name="prefix"/> up to the ones made at <paramref name="before"/>, those <paramref name="done"/> holds for.</summary>
    private async Task<int> PurgeRangeAsync(string table, string done, string prefix, DateTimeOffset before, CancellationToken cancellationToken)
    {
        var highest = prefix + TimeOrderedIds.LowestAt(before);
        var deleted = 0;
        while (true)
        {
            var removed = await database.WriteAsync(connection => Sql.ExecuteAsync(connection, $"""
                DELETE FROM {table} WHERE id IN (
                    SELECT id FROM {table} WHERE id >= @from AND id < @highest AND {done} ORDER BY id LIMIT {Chunk} FOR UPDATE SKIP LOCKED)
                """, cancellationToken, ("from", prefix), ("highest", highest)), cancellationToken);
            deleted += removed;
            if (removed < Chunk) return deleted;
        }
    }
}
