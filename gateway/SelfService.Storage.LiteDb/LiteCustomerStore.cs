using LiteDB;
using SelfService.Storage.Customers;

namespace SelfService.Storage.LiteDb;

internal sealed class LiteCustomerStore : ICustomerStore
{
    public const string Collection = "customers";

    private readonly ILiteCollection<Customer> _customers;
    private readonly GroupCommitWriter _writer;

    public LiteCustomerStore(ILiteDatabase database, GroupCommitWriter writer)
    {
        _writer = writer;
        _customers = database.GetCollection<Customer>(Collection);
        _customers.EnsureIndex(c => c.Msisdn, unique: true);
        _customers.EnsureIndex("identity", "$.Identities[*].Key", unique: false);
    }

    public Task<Customer?> GetAsync(string customerId, CancellationToken cancellationToken) =>
        Task.FromResult<Customer?>(_customers.FindById(customerId));

    public Task<Customer?> FindByMsisdnAsync(string msisdn, CancellationToken cancellationToken) =>
        Task.FromResult<Customer?>(_customers.FindOne(Filters.Equal(nameof(Customer.Msisdn), msisdn)));

    public Task<Customer?> FindByIdentityAsync(string channel, string address, CancellationToken cancellationToken) =>
        Task.FromResult<Customer?>(_customers.FindOne("$.Identities[*].Key ANY = @0", IdentityKeys.Of(channel, address)));

    public Task SaveAsync(IReadOnlyList<Customer> customers, CancellationToken cancellationToken) =>
        _writer.WriteAsync(db => Save(db, customers), cancellationToken);

    /// <summary>On the writer thread, inside a commit.</summary>
    internal static void Save(ILiteDatabase database, IReadOnlyList<Customer> customers)
    {
        var collection = database.GetCollection<Customer>(Collection);
        foreach (var customer in customers)
        {
            foreach (var identity in customer.Identities) identity.Key = IdentityKeys.Of(identity.Channel, identity.Address);
            collection.Upsert(customer);
        }
    }
}
