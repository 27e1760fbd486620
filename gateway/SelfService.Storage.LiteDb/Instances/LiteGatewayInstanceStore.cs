using LiteDB;
using SelfService.Storage.Instances;

namespace SelfService.Storage.LiteDb.Instances;

/// <summary>Heartbeats in "instances" ({ _id: instance id, StartedAt, LastSeenAt }, times as UTC ticks so they read back exactly).</summary>
internal sealed class LiteGatewayInstanceStore(ILiteDatabase database, GroupCommitWriter writer) : IGatewayInstanceStore
{
    public const string Collection = "instances";

    private readonly ILiteCollection<BsonDocument> _instances = database.GetCollection(Collection);

    public Task BeatAsync(string instanceId, DateTimeOffset startedAt, DateTimeOffset now, CancellationToken cancellationToken) =>
        writer.WriteAsync(db => db.GetCollection(Collection).Upsert(new BsonDocument
        {
            ["_id"] = instanceId, ["StartedAt"] = startedAt.UtcTicks, ["LastSeenAt"] = now.UtcTicks,
        }), cancellationToken);

    public Task<IReadOnlyList<GatewayInstance>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<GatewayInstance>>(_instances.FindAll().Select(Read).OrderBy(i => i.Id, StringComparer.Ordinal).ToList());

    public Task<int> ForgetAsync(DateTimeOffset notSeenSince, CancellationToken cancellationToken) =>
        writer.WriteAsync(db => db.GetCollection(Collection).DeleteMany(Query.LT("LastSeenAt", notSeenSince.UtcTicks)), cancellationToken);

    private static GatewayInstance Read(BsonDocument document) => new(
        document["_id"].AsString, new DateTimeOffset(document["StartedAt"].AsInt64, TimeSpan.Zero),
        new DateTimeOffset(document["LastSeenAt"].AsInt64, TimeSpan.Zero));
}
