namespace SelfService.Storage.LiteDb.Provisioning;

// The provisioning collections as LiteDB has always stored them (prov_services, prov_subscribers, prov_change_requests,
// prov_audit), so files written before the storage port read the same. Dates are UTC DateTime, what BSON stores natively.

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

internal sealed class SubscribedServiceDocument
{
    public string Code { get; set; } = "";
    public string State { get; set; } = "";
    public DateTime SinceUtc { get; set; }
}

internal sealed class PinHashDocument
{
    public string Algorithm { get; set; } = "";
    public int Iterations { get; set; }
    public byte[] Salt { get; set; } = [];
    public byte[] Hash { get; set; } = [];
}

/// <summary>The idempotency record of a request id.</summary>
internal sealed class ChangeRequestDocument
{
    public string Id { get; set; } = "";
    public string Msisdn { get; set; } = "";
    public string ServiceCode { get; set; } = "";
    public string Change { get; set; } = "";
    public string Channel { get; set; } = "";
    public string Outcome { get; set; } = "";
    public decimal Charged { get; set; }
    public decimal BalanceBefore { get; set; }
    public decimal BalanceAfter { get; set; }
    public DateTime ReceivedUtc { get; set; }
}

/// <summary>The subscriber's audit entry of a request.</summary>
internal sealed class AuditDocument
{
    public long Id { get; set; }
    public string RequestId { get; set; } = "";
    public string Msisdn { get; set; } = "";
    public string ServiceCode { get; set; } = "";
    public string Change { get; set; } = "";
    public string Outcome { get; set; } = "";
    public decimal Charged { get; set; }
    public decimal BalanceBefore { get; set; }
    public decimal BalanceAfter { get; set; }
    public string Channel { get; set; } = "";
    public DateTime TimestampUtc { get; set; }
}
