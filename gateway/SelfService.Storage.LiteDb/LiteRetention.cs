using LiteDB;
using SelfService.Storage.Channels;
using SelfService.Storage.LiteDb.Channels;
using SelfService.Storage.LiteDb.Statistics;
using SelfService.Messaging;
using SelfService.Storage.Messages;

namespace SelfService.Storage.LiteDb;

/// <summary>
/// Deletes what the retention policy no longer keeps, a thousand records per commit, by ranges of the primary key (ids
/// begin with their time, see <see cref="TimeOrderedIds"/>): no index is added to the message path for it.
/// </summary>
internal sealed class LiteRetention(GroupCommitWriter writer)
{
    private const int Chunk = 1000;

    public async Task<RetentionReport> PurgeAsync(RetentionPolicy policy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var inbound = await PurgeAsync(LiteInboundLog.Collection, "", now - policy.Inbound,
            d => d[nameof(InboundRecord.State)].AsString != nameof(InboundState.Accepted), cancellationToken);
        var outbox = await PurgeMessagesAndAgentsAsync(LiteOutbox.Collection, now - policy.Outbox,
            d => d[nameof(OutboxRecord.State)].AsString is nameof(OutboxState.Sent) or nameof(OutboxState.Failed), cancellationToken);
        var history = await PurgeMessagesAndAgentsAsync(LiteHistoryStore.Collection, now - policy.History, _ => true, cancellationToken);
        var conversations = policy.Conversations is { } idle ? await PurgeIdleConversationsAsync(now - idle, unlinkedOnly: false, cancellationToken) : 0;
        if (policy.UnlinkedConversations is { } unlinkedIdle)
            conversations += await PurgeIdleConversationsAsync(now - unlinkedIdle, unlinkedOnly: true, cancellationToken);
        var statistics = policy.Statistics is { } kept
            ? await PurgeAsync(LiteTrafficStatisticsStore.Collection, "", LiteTrafficStatisticsStore.HourKey(now - kept), _ => true, cancellationToken)
            : 0;
        return new RetentionReport(inbound, outbox, history) { Conversations = conversations, StatisticsHours = statistics };
    }

    private async Task<int> PurgeIdleConversationsAsync(DateTimeOffset before, bool unlinkedOnly, CancellationToken cancellationToken) =>
        await LiteTranscripts.PurgeIdleAsync(writer, LiteWebChatStore.Conversations, LiteWebChatStore.Activities,
            nameof(WebChatActivity.ConversationId), nameof(WebChatActivity.At), before, unlinkedOnly ? ChannelNames.WebChat : null, cancellationToken)
        + await LiteTranscripts.PurgeIdleAsync(writer, LiteDirectLineTranscriptStore.Conversations, LiteDirectLineTranscriptStore.Activities,
            nameof(DirectLineActivityRecord.ConversationId), nameof(DirectLineActivityRecord.Timestamp), before,
            unlinkedOnly ? ChannelNames.DirectLine : null, cancellationToken);

    private async Task<int> PurgeMessagesAndAgentsAsync(string collection, DateTimeOffset before, Func<BsonDocument, bool> done, CancellationToken cancellationToken) =>
        await PurgeAsync(collection, "", before, done, cancellationToken)
        + await PurgeAsync(collection, TimeOrderedIds.AgentPrefix, before, done, cancellationToken);

    /// <summary>Deletes, among the ids from <paramref name="prefix"/> up to the ones made at <paramref name="before"/>, those <paramref name="done"/> with.</summary>
    private Task<int> PurgeAsync(string collection, string prefix, DateTimeOffset before, Func<BsonDocument, bool> done, CancellationToken cancellationToken) =>
        PurgeAsync(collection, prefix, prefix + TimeOrderedIds.LowestAt(before), done, cancellationToken);

    /// <summary>Deletes, among the ids from <paramref name="prefix"/> up to <paramref name="highest"/> (excluded), those <paramref name="done"/> with.</summary>
    private async Task<int> PurgeAsync(string collection, string prefix, string highest, Func<BsonDocument, bool> done, CancellationToken cancellationToken)
    {
        var from = prefix;
        var deleted = 0;
        while (true)
        {
            var (scanned, removed, last) = await writer.WriteAsync(db =>
            {
                var documents = db.GetCollection(collection);
                var page = documents.Find(BsonExpression.Create("$._id >= @0 AND $._id < @1", from, highest), limit: Chunk).ToList();
                var gone = page.Where(done).Select(d => d["_id"]).ToList();
                foreach (var id in gone) documents.Delete(id);
                return (page.Count, gone.Count, page.Count > 0 ? page[^1]["_id"].AsString : null);
            }, cancellationToken);
            deleted += removed;
            if (scanned < Chunk || last is null) return deleted;
            from = last + "\0";   // the next id after the last one seen
        }
    }
}
