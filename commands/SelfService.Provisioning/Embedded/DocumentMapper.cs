namespace SelfService.Provisioning.Embedded;

/// <summary>Maps the stored documents to the public records.</summary>
internal static class DocumentMapper
{
    public static ServiceOffer ToOffer(ServiceDocument d) => new(
        d.Id,
        new Dictionary<string, string>(d.Names),
        new Dictionary<string, string>(d.Descriptions),
        [.. d.Aliases],
        d.ActivationFee,
        d.MonthlyFee,
        d.Currency);

    public static SubscriberAccount ToAccount(SubscriberDocument d) => new(
        d.Id,
        d.Name,
        d.Language,
        d.Balance,
        d.Currency,
        d.TariffCode,
        new Dictionary<string, string>(d.TariffNames),
        [.. d.Services.Select(s => new SubscribedService(s.Code, s.State, ToUtcOffset(s.SinceUtc)))]);

    public static ServiceChangeResult ToResult(ChangeRequestDocument d) => new(d.Outcome, d.Charged, d.BalanceAfter);

    public static ProvisioningAuditEntry ToEntry(AuditDocument d) => new(
        d.RequestId,
        d.Msisdn,
        d.ServiceCode,
        d.Change,
        d.Outcome,
        d.Charged,
        d.BalanceBefore,
        d.BalanceAfter,
        d.Channel,
        ToUtcOffset(d.TimestampUtc));

    // LiteDB hands dates back as local time unless the host's mapper says otherwise.
    public static DateTimeOffset ToUtcOffset(DateTime value) =>
        new(DateTime.SpecifyKind(value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(), DateTimeKind.Utc));
}
