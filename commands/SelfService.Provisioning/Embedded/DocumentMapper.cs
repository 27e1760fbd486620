using SelfService.Storage.Provisioning;

namespace SelfService.Provisioning.Embedded;

/// <summary>Maps the stored provisioning records to the public ones and back.</summary>
internal static class DocumentMapper
{
    public static ServiceOffer ToOffer(ProvisionedService s) => new(
        s.Code,
        new Dictionary<string, string>(s.Names),
        new Dictionary<string, string>(s.Descriptions),
        [.. s.Aliases],
        s.ActivationFee,
        s.MonthlyFee,
        s.Currency);

    public static ProvisionedService ToStored(ServiceOffer offer) => new()
    {
        Code = offer.Code.Trim().ToUpperInvariant(),
        Names = new Dictionary<string, string>(offer.Names),
        Descriptions = new Dictionary<string, string>(offer.Descriptions),
        Aliases = [.. offer.Aliases],
        ActivationFee = offer.ActivationFee,
        MonthlyFee = offer.MonthlyFee,
        Currency = offer.Currency,
    };

    public static SubscriberAccount ToAccount(ProvisionedSubscriber s) => new(
        s.Msisdn,
        s.Name,
        s.Language,
        s.Balance,
        s.Currency,
        s.TariffCode,
        new Dictionary<string, string>(s.TariffNames),
        [.. s.Services.Select(x => new SubscribedService(x.Code, StateOf(x.State), x.Since))]);

    public static ServiceChangeResult ToResult(ServiceChangeRecord r) => new(Enum.Parse<ServiceChangeOutcome>(r.Outcome), r.Charged, r.BalanceAfter);

    public static ProvisioningAuditEntry ToEntry(ServiceChangeRecord r) => new(
        r.RequestId,
        r.Msisdn,
        r.ServiceCode,
        Enum.Parse<ServiceChange>(r.Change),
        Enum.Parse<ServiceChangeOutcome>(r.Outcome),
        r.Charged,
        r.BalanceBefore,
        r.BalanceAfter,
        r.Channel,
        r.At);

    public static ServiceState StateOf(string state) => Enum.TryParse<ServiceState>(state, out var parsed) ? parsed : ServiceState.Inactive;
}
