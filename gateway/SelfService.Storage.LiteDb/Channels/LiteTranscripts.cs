using LiteDB;

namespace SelfService.Storage.LiteDb.Channels;

/// <summary>What the web chat's and Direct Line's transcripts share: reading after a watermark, and purging idle conversations.</summary>
internal static class LiteTranscripts
{
    private const int Chunk = 200;

    /// <summary>The conversation's documents with an id (the sequence number) above <paramref name="watermark"/>, in order.</summary>
    public static IReadOnlyList<T> After<T>(ILiteCollection<T> activities, string conversationField, string conversationId, long watermark, int limit) =>
        activities.Query()
            .Where(BsonExpression.Create("$." + conversationField + " = @0 AND $._id > @1", conversationId, watermark))
            .OrderBy(BsonExpression.Create("$._id"))
            .Limit(limit)
            .ToList();

    /// <summary>
    /// Deletes conversations created before <paramref name="before"/> whose latest activity is older too, with their
    /// activities, <see cref="Chunk"/> conversations per commit so the message path goes on meanwhile. With
    /// <paramref name="unlinkedOf"/>, only those whose visitor never linked a number on that channel.
    /// </summary>
    public static async Task<int> PurgeIdleAsync(
        GroupCommitWriter writer, string conversations, string activities, string conversationField, string timeField, DateTimeOffset before,
        string? unlinkedOf, CancellationToken cancellationToken)
    {
        var from = "";
        var deleted = 0;
        while (true)
        {
            var (scanned, removed, last) = await writer.WriteAsync(db =>
            {
                var found = db.GetCollection(conversations).Query()
                    .Where(BsonExpression.Create("$.CreatedAt < @0 AND $._id > @1", before.UtcDateTime, from))
                    .OrderBy(BsonExpression.Create("$._id")).Limit(Chunk).ToList();
                var lines = db.GetCollection(activities);
                var gone = 0;
                foreach (var conversation in found)
                {
                    var id = conversation["_id"];
                    if (unlinkedOf is not null && IsLinked(db, unlinkedOf, id.AsString)) continue;
                    var byConversation = BsonExpression.Create("$." + conversationField + " = @0", id);
                    var latest = lines.Query().Where(byConversation).OrderByDescending(BsonExpression.Create("$._id")).Limit(1).FirstOrDefault();
                    if (latest is not null && latest[timeField].AsDateTime.ToUniversalTime() >= before.UtcDateTime) continue;
                    lines.DeleteMany(byConversation);
                    db.GetCollection(conversations).Delete(id);
                    gone++;
                }
                return (found.Count, gone, found.Count > 0 ? found[^1]["_id"].AsString : null);
            }, cancellationToken);
            deleted += removed;
            if (scanned < Chunk || last is null) return deleted;
            from = last;
        }
    }

    /// <summary>Whether a customer (a number) holds this conversation as one of its identities: the visitor linked it.</summary>
    private static bool IsLinked(ILiteDatabase database, string channel, string conversationId) =>
        database.GetCollection(LiteCustomerStore.Collection)
            .Exists(BsonExpression.Create("$.Identities[*].Key ANY = @0", IdentityKeys.Of(channel, conversationId)));
}
