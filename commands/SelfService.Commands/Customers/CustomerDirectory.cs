using System.Collections.Concurrent;
using SelfService.Messaging;
using SelfService.Storage.Customers;

namespace SelfService.Commands.Customers;

/// <summary>Finds and links customers. Identities are keyed "channel|address" so a lookup is one index seek.</summary>
public sealed class CustomerDirectory(ICustomerStore store, TimeProvider time) : IDisposable
{
    // A customer first met on SMS or USSD is stored by the commit of the message that met them. Until that commit lands,
    // another channel linking the same number (another worker) must find this customer, not make a second one.
    private readonly ConcurrentDictionary<string, Customer> _uncommitted = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _linking = new(1, 1);

    public Task<Customer?> GetAsync(string customerId, CancellationToken cancellationToken) => store.GetAsync(customerId, cancellationToken);

    public async Task<Customer?> FindByMsisdnAsync(string msisdn, CancellationToken cancellationToken) =>
        await store.FindByMsisdnAsync(msisdn, cancellationToken) ?? _uncommitted.GetValueOrDefault(msisdn);

    public Task<Customer?> FindByIdentityAsync(string channel, string address, CancellationToken cancellationToken) =>
        store.FindByIdentityAsync(channel, address, cancellationToken);

    /// <summary>
    /// The customer behind a network-vouched number, made on first contact. <paramref name="changed"/> is true when the
    /// customer is new or gained this channel: the caller stores it with the message's commit, then calls <see cref="Committed"/>.
    /// </summary>
    public async Task<(Customer Customer, bool Changed)> ResolveNetworkSenderAsync(string msisdn, string channel, string? language, CancellationToken cancellationToken)
    {
        var customer = await FindByMsisdnAsync(msisdn, cancellationToken);
        if (customer is null)
        {
            customer = new Customer { Id = Guid.CreateVersion7().ToString("N"), Msisdn = msisdn, Language = language, CreatedAt = time.GetUtcNow() };
            AddIdentity(customer, channel, msisdn, "network");
            customer = _uncommitted.GetOrAdd(msisdn, customer);
            return (customer, true);
        }
        if (customer.Identities.Any(i => i.Channel == channel && i.Address == msisdn)) return (customer, false);
        AddIdentity(customer, channel, msisdn, "network");
        return (customer, true);
    }

    /// <summary>The customers a commit stored are in the store now.</summary>
    public void Committed(IEnumerable<Customer> customers)
    {
        foreach (var customer in customers) _uncommitted.TryRemove(new KeyValuePair<string, Customer>(customer.Msisdn, customer));
    }

    /// <summary>
    /// Links a channel address to the customer owning <paramref name="msisdn"/>, once <paramref name="provenBy"/>
    /// (a one-time code, or a contact the channel vouches for) proved the address's owner has that phone. Stored before it returns.
    /// </summary>
    public async Task<Customer> LinkAsync(string msisdn, string channel, string address, string? language, CancellationToken cancellationToken, string provenBy = "one-time-code")
    {
        await _linking.WaitAsync(cancellationToken);
        try
        {
            var changed = new List<Customer>(2);
            var owner = await FindByMsisdnAsync(msisdn, cancellationToken);
            if (owner is null)
            {
                owner = new Customer { Id = Guid.CreateVersion7().ToString("N"), Msisdn = msisdn, Language = language, CreatedAt = time.GetUtcNow() };
                AddIdentity(owner, ChannelNames.Sms, msisdn, "network");
                changed.Add(owner);
            }
            // An address belongs to one customer at a time: proof for a new owner moves it.
            var previous = await FindByIdentityAsync(channel, address, cancellationToken);
            if (previous is not null && previous.Id != owner.Id)
            {
                previous.Identities.RemoveAll(i => i.Channel == channel && i.Address == address);
                changed.Add(previous);
            }
            if (!owner.Identities.Any(i => i.Channel == channel && i.Address == address))
            {
                AddIdentity(owner, channel, address, provenBy);
                if (!changed.Contains(owner)) changed.Add(owner);
            }
            if (changed.Count > 0) await store.SaveAsync(changed, cancellationToken);
            Committed(changed);
            return owner;
        }
        finally
        {
            _linking.Release();
        }
    }

    public void Dispose() => _linking.Dispose();

    private void AddIdentity(Customer customer, string channel, string address, string provenBy) =>
        customer.Identities.Add(new ChannelIdentity
        {
            Channel = channel, Address = address, LinkedAt = time.GetUtcNow(), ProvenBy = provenBy,
        });
}
