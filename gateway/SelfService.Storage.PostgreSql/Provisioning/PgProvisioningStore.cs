using SelfService.Storage.Provisioning;

namespace SelfService.Storage.PostgreSql.Provisioning;

/// <summary>
/// The embedded provisioning backend. A change request holds its request id's advisory lock and the subscriber's row lock
/// while it is decided and stored, so a repeat waits for the first and gets its answer, and no two requests spend one balance.
/// </summary>
internal sealed class PgProvisioningStore(PgDatabase database) : IProvisioningStore
{
    public Task<IReadOnlyList<ProvisionedService>> ServicesAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<ProvisionedService>>(async connection =>
            await Sql.DocumentsAsync<ProvisionedService>(connection, "SELECT doc FROM prov_services ORDER BY code", cancellationToken), cancellationToken);

    public Task<ProvisionedSubscriber?> FindSubscriberAsync(string msisdn, CancellationToken cancellationToken) =>
        database.ReadAsync(connection => Sql.DocumentAsync<ProvisionedSubscriber>(connection, "SELECT doc FROM prov_subscribers WHERE msisdn = @msisdn",
            cancellationToken, ("msisdn", msisdn)), cancellationToken);

    public Task<bool> SeedAsync(IReadOnlyList<ProvisionedService> services, IReadOnlyList<ProvisionedSubscriber> subscribers, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            await Sql.LockAsync(connection, LockSpace.ProvisioningSeed, "seed", cancellationToken);
            if (await Sql.ScalarAsync<bool>(connection, "SELECT EXISTS (SELECT 1 FROM prov_services)", cancellationToken)) return false;
            foreach (var service in services)
                await Sql.ExecuteAsync(connection, "INSERT INTO prov_services (code, doc) VALUES (@code, @doc) ON CONFLICT (code) DO UPDATE SET doc = EXCLUDED.doc",
                    cancellationToken, ("code", service.Code), ("doc", Documents.Of(service)));
            foreach (var subscriber in subscribers)
                await SaveSubscriberAsync(connection, subscriber, cancellationToken);
            return true;
        }, cancellationToken);

    private static Task<int> SaveSubscriberAsync(Npgsql.NpgsqlConnection connection, ProvisionedSubscriber subscriber, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(connection, "INSERT INTO prov_subscribers (msisdn, doc) VALUES (@msisdn, @doc) ON CONFLICT (msisdn) DO UPDATE SET doc = EXCLUDED.doc",
            cancellationToken, ("msisdn", subscriber.Msisdn), ("doc", Documents.Of(subscriber)));

    public Task<(ServiceChangeRecord Record, bool Repeated)> ChangeAsync(string requestId, string msisdn, string serviceCode,
        Func<ProvisionedSubscriber?, ProvisionedService?, ServiceChangeRecord> decide, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            await Sql.LockAsync(connection, LockSpace.ProvisioningRequest, requestId, cancellationToken);
            var earlier = await Sql.DocumentAsync<ServiceChangeRecord>(connection, "SELECT doc FROM prov_changes WHERE request_id = @id", cancellationToken,
                ("id", requestId));
            if (earlier is not null) return (earlier, true);
            var subscriber = await Sql.DocumentAsync<ProvisionedSubscriber>(connection, "SELECT doc FROM prov_subscribers WHERE msisdn = @msisdn FOR UPDATE",
                cancellationToken, ("msisdn", msisdn));
            var service = await Sql.DocumentAsync<ProvisionedService>(connection, "SELECT doc FROM prov_services WHERE code = @code", cancellationToken,
                ("code", serviceCode));
            var record = decide(subscriber, service);
            record.RequestId = requestId;
            if (subscriber is not null) await SaveSubscriberAsync(connection, subscriber, cancellationToken);
            await Sql.ExecuteAsync(connection, "INSERT INTO prov_changes (request_id, msisdn, doc) VALUES (@id, @msisdn, @doc)", cancellationToken,
                ("id", requestId), ("msisdn", record.Msisdn), ("doc", Documents.Of(record)));
            return (record, false);
        }, cancellationToken);

    public Task<IReadOnlyList<ServiceChangeRecord>> ChangesOfAsync(string msisdn, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<ServiceChangeRecord>>(async connection => await Sql.DocumentsAsync<ServiceChangeRecord>(connection,
            "SELECT doc FROM prov_changes WHERE msisdn = @msisdn ORDER BY seq", cancellationToken, ("msisdn", msisdn)), cancellationToken);
}
