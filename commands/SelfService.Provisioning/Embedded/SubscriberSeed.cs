namespace SelfService.Provisioning.Embedded;

/// <summary>A subscriber as written in <c>subscribers.json</c>: the account plus its PIN in plain text (sample data only).</summary>
internal sealed record SubscriberSeed(
    string Msisdn,
    string Name,
    string Language,
    decimal Balance,
    string Currency,
    string TariffCode,
    IReadOnlyDictionary<string, string> TariffNames,
    IReadOnlyList<SubscribedService> Services,
    string? Pin);
