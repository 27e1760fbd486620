using LiteDB;
using SelfService.Channels;

namespace SelfService.Commands.Customers;

/// <summary>Finds and links customers. Identities are keyed "channel|address" so a lookup is one index seek.</summary>
public sealed class CustomerDirectory
{
    private readonly ILiteCollection<Customer> _customers;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();

    public CustomerDirectory(ILiteDatabase database, TimeProvider time)
    {
        _time = time;
        _customers = database.GetCollection<Customer>("customers");
        _customers.EnsureIndex(c => c.Msisdn, unique: true);
        _customers.EnsureIndex("identity", "$.Identities[*].Key", unique: false);
    }

    public Customer? Get(string id) => _customers.FindById(id);

    public Customer? FindByMsisdn(string msisdn) => _customers.FindOne(c => c.Msisdn == msisdn);

    public Customer? FindByIdentity(string channel, string address) =>
        _customers.FindOne("$.Identities[*].Key ANY = @0", IdentityKey(channel, address));

    /// <summary>The customer behind a network-vouched number, created on first contact.</summary>
    public Customer GetOrCreateByMsisdn(string msisdn, string channel, string? language)
    {
        lock (_gate)
        {
            var customer = FindByMsisdn(msisdn);
            if (customer is null)
            {
                customer = new Customer
                {
                    Id = Guid.CreateVersion7().ToString("N"), Msisdn = msisdn, Language = language, CreatedAt = _time.GetUtcNow(),
                };
                AddIdentity(customer, channel, msisdn, "network");
                _customers.Insert(customer);
            }
            else if (!customer.Identities.Any(i => i.Channel == channel && i.Address == msisdn))
            {
                AddIdentity(customer, channel, msisdn, "network");
                _customers.Update(customer);
            }
            return customer;
        }
    }

    /// <summary>
    /// Links a channel address to the customer owning <paramref name="msisdn"/>, once <paramref name="provenBy"/>
    /// (a one-time code, or a contact the channel vouches for) proved the address's owner has that phone.
    /// </summary>
    public Customer Link(string msisdn, string channel, string address, string? language, string provenBy = "one-time-code")
    {
        lock (_gate)
        {
            var owner = GetOrCreateByMsisdn(msisdn, ChannelNames.Sms, language);
            // An address belongs to one customer at a time: proof for a new owner moves it.
            var previous = FindByIdentity(channel, address);
            if (previous is not null && previous.Id != owner.Id)
            {
                previous.Identities.RemoveAll(i => i.Channel == channel && i.Address == address);
                _customers.Update(previous);
            }
            if (!owner.Identities.Any(i => i.Channel == channel && i.Address == address))
            {
                AddIdentity(owner, channel, address, provenBy);
                _customers.Update(owner);
            }
            return owner;
        }
    }

    public void SetAcceptsCampaigns(string customerId, bool accepts)
    {
        lock (_gate)
        {
            var customer = _customers.FindById(customerId);
            if (customer is null || customer.AcceptsCampaigns == accepts) return;
            customer.AcceptsCampaigns = accepts;
            _customers.Update(customer);
        }
    }

    private void AddIdentity(Customer customer, string channel, string address, string provenBy) =>
        customer.Identities.Add(new ChannelIdentity { Channel = channel, Address = address, Key = IdentityKey(channel, address), LinkedAt = _time.GetUtcNow(), ProvenBy = provenBy });

    internal static string IdentityKey(string channel, string address) => channel + "|" + address;
}
