namespace SelfService.Storage.Customers;

/// <summary>An address on a channel that is proven to belong to the customer, and how it was proven.</summary>
public sealed class ChannelIdentity
{
    public string Channel { get; set; } = "";
    public string Address { get; set; } = "";

    /// <summary>"channel|address": what the identity index is built on; the store sets it from Channel and Address when it saves.</summary>
    public string Key { get; set; } = "";
    public DateTimeOffset LinkedAt { get; set; }

    /// <summary>"network" for SMS/USSD (the operator vouches for the number), "one-time-code" for linked channels.</summary>
    public string ProvenBy { get; set; } = "";
}
