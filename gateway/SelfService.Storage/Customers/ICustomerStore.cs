namespace SelfService.Storage.Customers;

/// <summary>Customers and the channel identities linked to them. Identity lookups are by <see cref="ChannelIdentity.Key"/>.</summary>
public interface ICustomerStore
{
    Task<Customer?> GetAsync(string customerId, CancellationToken cancellationToken);

    Task<Customer?> FindByMsisdnAsync(string msisdn, CancellationToken cancellationToken);

    Task<Customer?> FindByIdentityAsync(string channel, string address, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces customers in one commit; durable when the task completes.</summary>
    Task SaveAsync(IReadOnlyList<Customer> customers, CancellationToken cancellationToken);
}
