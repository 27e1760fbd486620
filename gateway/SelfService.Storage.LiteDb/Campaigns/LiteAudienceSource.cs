using LiteDB;
using SelfService.Storage.Campaigns;
using SelfService.Storage.LiteDb.Provisioning;
using SelfService.Storage.Provisioning;

namespace SelfService.Storage.LiteDb.Campaigns;

/// <summary>The embedded provisioning backend's subscribers, walked by their primary key (the number).</summary>
internal sealed class LiteAudienceSource(ILiteDatabase database, IProvisioningStore provisioning) : IAudienceSource
{
    public async Task<IReadOnlyList<ProvisionedSubscriber>> SubscribersAfterAsync(string? afterMsisdn, int limit, CancellationToken cancellationToken)
    {
        var ids = database.GetCollection(LiteProvisioningStore.SubscribersCollection).Query()
            .Where(BsonExpression.Create("$._id > @0", afterMsisdn ?? ""))
            .OrderBy("$._id").Limit(limit).ToEnumerable().Select(d => d["_id"].AsString).ToList();
        var found = new List<ProvisionedSubscriber>(ids.Count);
        foreach (var id in ids)
            if (await provisioning.FindSubscriberAsync(id, cancellationToken) is { } subscriber) found.Add(subscriber);
        return found;
    }
}
