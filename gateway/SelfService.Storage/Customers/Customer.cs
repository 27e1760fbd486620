namespace SelfService.Storage.Customers;

/// <summary>One customer across all channels: the MSISDN is the anchor, channel identities hang off it.</summary>
public sealed class Customer
{
    public string Id { get; set; } = "";

    /// <summary>E.164 number; the identity the operator's network vouches for.</summary>
    public string Msisdn { get; set; } = "";

    public string? Language { get; set; }

    /// <summary>False after STOP: no campaigns or surveys go to this customer.</summary>
    public bool AcceptsCampaigns { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public List<ChannelIdentity> Identities { get; set; } = [];
}
