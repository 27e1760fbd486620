namespace SelfService.Provisioning.Embedded;

// LiteDB maps plain mutable classes (public get/set, parameterless constructor) reliably,
// records with constructor parameters less so; these stay internal and are mapped to the
// public records at the edge of the store. Dates are UTC DateTime because that is what
// BSON stores natively (millisecond precision).

/// <summary>A row of <c>prov_services</c>; <see cref="Id"/> is the service code.</summary>
internal sealed class ServiceDocument
{
    public string Id { get; set; } = "";
    public Dictionary<string, string> Names { get; set; } = [];
    public Dictionary<string, string> Descriptions { get; set; } = [];
    public List<string> Aliases { get; set; } = [];
    public decimal ActivationFee { get; set; }
    public decimal MonthlyFee { get; set; }
    public string Currency { get; set; } = "";
}

/// <summary>A row of <c>prov_subscribers</c>; <see cref="Id"/> is the E.164 MSISDN.</summary>
internal sealed class SubscriberDocument
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Language { get; set; } = "";
    public decimal Balance { get; set; }
    public string Currency { get; set; } = "";
    public string TariffCode { get; set; } = "";
    public Dictionary<string, string> TariffNames { get; set; } = [];
    public List<SubscribedServiceDocument> Services { get; set; } = [];
    public PinHashDocument? Pin { get; set; }
}

/// <summary>One service on a subscriber document.</summary>
internal sealed class SubscribedServiceDocument
{
    public string Code { get; set; } = "";
    public ServiceState State { get; set; }
    public DateTime SinceUtc { get; set; }
}

/// <summary>A salted PBKDF2 hash of a PIN; the PIN itself is never stored.</summary>
internal sealed class PinHashDocument
{
    public string Algorithm { get; set; } = "";
    public int Iterations { get; set; }
    public byte[] Salt { get; set; } = [];
    public byte[] Hash { get; set; } = [];
}

/// <summary>A row of <c>prov_change_requests</c>; <see cref="Id"/> is the request id (the idempotency key).</summary>
internal sealed class ChangeRequestDocument
{
    public string Id { get; set; } = "";
    public string Msisdn { get; set; } = "";
    public string ServiceCode { get; set; } = "";
    public ServiceChange Change { get; set; }
    public string Channel { get; set; } = "";
    public ServiceChangeOutcome Outcome { get; set; }
    public decimal Charged { get; set; }
    public decimal BalanceAfter { get; set; }
    public DateTime ReceivedUtc { get; set; }
}

/// <summary>A row of <c>prov_audit</c>.</summary>
internal sealed class AuditDocument
{
    public long Id { get; set; }
    public string RequestId { get; set; } = "";
    public string Msisdn { get; set; } = "";
    public string ServiceCode { get; set; } = "";
    public ServiceChange Change { get; set; }
    public ServiceChangeOutcome Outcome { get; set; }
    public decimal Charged { get; set; }
    public decimal BalanceBefore { get; set; }
    public decimal BalanceAfter { get; set; }
    public string Channel { get; set; } = "";
    public DateTime TimestampUtc { get; set; }
}
