using SelfService.Storage.Customers;

namespace SelfService.Storage.PostgreSql;

internal sealed class PgCustomerStore(PgDatabase database) : ICustomerStore
{
    public Task<Customer?> GetAsync(string customerId, CancellationToken cancellationToken) =>
        FindAsync("SELECT doc FROM customers WHERE id = @value", customerId, cancellationToken);

    public Task<Customer?> FindByMsisdnAsync(string msisdn, CancellationToken cancellationToken) =>
        FindAsync("SELECT doc FROM customers WHERE msisdn = @value", msisdn, cancellationToken);

    public Task<Customer?> FindByIdentityAsync(string channel, string address, CancellationToken cancellationToken) =>
        FindAsync("SELECT doc FROM customers WHERE identity_keys @> ARRAY[@value] LIMIT 1", IdentityKeys.Of(channel, address), cancellationToken);

    private Task<Customer?> FindAsync(string sql, string value, CancellationToken cancellationToken) =>
        database.ReadAsync(connection => Sql.DocumentAsync<Customer>(connection, sql, cancellationToken, ("value", value)), cancellationToken);

    public Task SaveAsync(IReadOnlyList<Customer> customers, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            await using var batch = new SqlBatch(connection);
            Save(batch, customers);
            await batch.ExecuteAsync(cancellationToken);
        }, cancellationToken);

    /// <summary>Adds the customers' upserts to a commit's batch.</summary>
    internal static void Save(SqlBatch batch, IReadOnlyList<Customer> customers)
    {
        foreach (var customer in customers)
        {
            foreach (var identity in customer.Identities) identity.Key = IdentityKeys.Of(identity.Channel, identity.Address);
            batch.Add("""
                INSERT INTO customers (id, msisdn, identity_keys, doc) VALUES (@id, @msisdn, @keys, @doc)
                ON CONFLICT (id) DO UPDATE SET msisdn = EXCLUDED.msisdn, identity_keys = EXCLUDED.identity_keys, doc = EXCLUDED.doc
                """,
                ("id", customer.Id), ("msisdn", customer.Msisdn), ("keys", customer.Identities.Select(i => i.Key).ToArray()), ("doc", Documents.Of(customer)));
        }
    }
}
