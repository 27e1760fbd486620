namespace SelfService.Storage.Provisioning;

/// <summary>A subscriber of the embedded provisioning backend; <see cref="Msisdn"/> (E.164) is the key.</summary>
public sealed class ProvisionedSubscriber
{
    public string Msisdn { get; set; } = "";
    public string Name { get; set; } = "";
    public string Language { get; set; } = "";
    public decimal Balance { get; set; }
    public string Currency { get; set; } = "";
    public string TariffCode { get; set; } = "";
    public Dictionary<string, string> TariffNames { get; set; } = [];
    public List<SubscribedServiceState> Services { get; set; } = [];

    /// <summary>A salted hash of the PIN; the PIN itself is never stored.</summary>
    public PinHash? Pin { get; set; }
}

/// <summary>One service on a subscriber: its code, "Active" or "Inactive", and since when.</summary>
public sealed class SubscribedServiceState
{
    public string Code { get; set; } = "";
    public string State { get; set; } = "";
    public DateTimeOffset Since { get; set; }
}

/// <summary>A PBKDF2 hash of a PIN with its parameters.</summary>
public sealed class PinHash
{
    public string Algorithm { get; set; } = "";
    public int Iterations { get; set; }
    public byte[] Salt { get; set; } = [];
    public byte[] Hash { get; set; } = [];
}
