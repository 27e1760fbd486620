using SelfService.Storage.Campaigns;
using SelfService.Storage.Provisioning;

namespace SelfService.Storage.PostgreSql.Campaigns;

/// <summary>The embedded provisioning backend's subscribers, walked by their primary key (the number).</summary>
internal sealed class PgAudienceSource(PgDatabase database) : IAudienceSource
{
    public Task<IReadOnlyList<ProvisionedSubscriber>> SubscribersAfterAsync(string? afterMsisdn, int limit, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<ProvisionedSubscriber>>(async connection => await Sql.DocumentsAsync<ProvisionedSubscriber>(connection,
            "SELECT doc FROM prov_subscribers WHERE msisdn > @after ORDER BY msisdn LIMIT @limit", cancellationToken,
            ("after", afterMsisdn ?? ""), ("limit", (long)limit)), cancellationToken);
}
