using LiteDB;
using SelfService.Storage.Provisioning;

namespace SelfService.Storage.LiteDb.Provisioning;

/// <summary>
/// The embedded provisioning backend's collections. A change request is decided and stored in one write request on the
/// writer thread, so no other write comes between reading the balance and charging it.
/// </summary>
internal sealed class LiteProvisioningStore : IProvisioningStore
{
    public const string ServicesCollection = "prov_services";
    public const string SubscribersCollection = "prov_subscribers";
    public const string ChangeRequestsCollection = "prov_change_requests";
    public const string AuditCollection = "prov_audit";

    private readonly ILiteDatabase _reads;
    private readonly GroupCommitWriter _writer;

    public LiteProvisioningStore(ILiteDatabase reads, GroupCommitWriter writer)
    {
        _reads = reads;
        _writer = writer;
        reads.GetCollection<AuditDocument>(AuditCollection).EnsureIndex(a => a.Msisdn);
    }

    public Task<IReadOnlyList<ProvisionedService>> ServicesAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<ProvisionedService> services = [.. _reads.GetCollection<ServiceDocument>(ServicesCollection).FindAll()
            .OrderBy(s => s.Id, StringComparer.Ordinal).Select(ToService)];
        return Task.FromResult(services);
    }

    public Task<ProvisionedSubscriber?> FindSubscriberAsync(string msisdn, CancellationToken cancellationToken)
    {
        var document = _reads.GetCollection<SubscriberDocument>(SubscribersCollection).FindById(msisdn);
        return Task.FromResult(document is null ? null : ToSubscriber(document));
    }

    public Task<bool> SeedAsync(IReadOnlyList<ProvisionedService> services, IReadOnlyList<ProvisionedSubscriber> subscribers, CancellationToken cancellationToken) =>
        _writer.WriteAsync(db =>
        {
            var serviceCollection = db.GetCollection<ServiceDocument>(ServicesCollection);
            if (serviceCollection.Count() > 0) return false;
            serviceCollection.Upsert(services.Select(ToDocument));
            db.GetCollection<SubscriberDocument>(SubscribersCollection).Upsert(subscribers.Select(ToDocument));
            return true;
        }, cancellationToken);

    public Task<(ServiceChangeRecord Record, bool Repeated)> ChangeAsync(string requestId, string msisdn, string serviceCode,
        Func<ProvisionedSubscriber?, ProvisionedService?, ServiceChangeRecord> decide, CancellationToken cancellationToken) =>
        _writer.WriteAsync(db =>
        {
            var requests = db.GetCollection<ChangeRequestDocument>(ChangeRequestsCollection);
            if (requests.FindById(requestId) is { } earlier) return (ToRecord(earlier), true);

            var subscribers = db.GetCollection<SubscriberDocument>(SubscribersCollection);
            var subscriber = subscribers.FindById(msisdn) is { } found ? ToSubscriber(found) : null;
            var service = db.GetCollection<ServiceDocument>(ServicesCollection).FindById(serviceCode) is { } offered ? ToService(offered) : null;
            var record = decide(subscriber, service);
            record.RequestId = requestId;
            if (subscriber is not null) subscribers.Update(ToDocument(subscriber));
            requests.Insert(new ChangeRequestDocument
            {
                Id = requestId, Msisdn = record.Msisdn, ServiceCode = record.ServiceCode, Change = record.Change, Channel = record.Channel,
                Outcome = record.Outcome, Charged = record.Charged, BalanceBefore = record.BalanceBefore, BalanceAfter = record.BalanceAfter,
                ReceivedUtc = record.At.UtcDateTime,
            });
            db.GetCollection<AuditDocument>(AuditCollection).Insert(new AuditDocument
            {
                RequestId = requestId, Msisdn = record.Msisdn, ServiceCode = record.ServiceCode, Change = record.Change, Outcome = record.Outcome,
                Charged = record.Charged, BalanceBefore = record.BalanceBefore, BalanceAfter = record.BalanceAfter, Channel = record.Channel,
                TimestampUtc = record.At.UtcDateTime,
            });
            return (record, false);
        }, cancellationToken);

    public Task<IReadOnlyList<ServiceChangeRecord>> ChangesOfAsync(string msisdn, CancellationToken cancellationToken)
    {
        IReadOnlyList<ServiceChangeRecord> changes = [.. _reads.GetCollection<AuditDocument>(AuditCollection)
            .Find(Filters.Equal(nameof(AuditDocument.Msisdn), msisdn)).OrderBy(a => a.Id).Select(a => new ServiceChangeRecord
            {
                RequestId = a.RequestId, Msisdn = a.Msisdn, ServiceCode = a.ServiceCode, Change = a.Change, Channel = a.Channel, Outcome = a.Outcome,
                Charged = a.Charged, BalanceBefore = a.BalanceBefore, BalanceAfter = a.BalanceAfter, At = Utc(a.TimestampUtc),
            })];
        return Task.FromResult(changes);
    }

    internal static ServiceChangeRecord ToRecord(ChangeRequestDocument d) => new()
    {
        RequestId = d.Id, Msisdn = d.Msisdn, ServiceCode = d.ServiceCode, Change = d.Change, Channel = d.Channel, Outcome = d.Outcome,
        Charged = d.Charged, BalanceBefore = d.BalanceBefore, BalanceAfter = d.BalanceAfter, At = Utc(d.ReceivedUtc),
    };

    internal static ProvisionedService ToService(ServiceDocument d) => new()
    {
        Code = d.Id, Names = d.Names, Descriptions = d.Descriptions, Aliases = d.Aliases,
        ActivationFee = d.ActivationFee, MonthlyFee = d.MonthlyFee, Currency = d.Currency,
    };

    private static ServiceDocument ToDocument(ProvisionedService s) => new()
    {
        Id = s.Code, Names = s.Names, Descriptions = s.Descriptions, Aliases = s.Aliases,
        ActivationFee = s.ActivationFee, MonthlyFee = s.MonthlyFee, Currency = s.Currency,
    };

    internal static ProvisionedSubscriber ToSubscriber(SubscriberDocument d) => new()
    {
        Msisdn = d.Id, Name = d.Name, Language = d.Language, Balance = d.Balance, Currency = d.Currency, TariffCode = d.TariffCode,
        TariffNames = d.TariffNames,
        Services = [.. d.Services.Select(s => new SubscribedServiceState { Code = s.Code, State = s.State, Since = Utc(s.SinceUtc) })],
        Pin = d.Pin is { } pin ? new PinHash { Algorithm = pin.Algorithm, Iterations = pin.Iterations, Salt = pin.Salt, Hash = pin.Hash } : null,
    };

    private static SubscriberDocument ToDocument(ProvisionedSubscriber s) => new()
    {
        Id = s.Msisdn, Name = s.Name, Language = s.Language, Balance = s.Balance, Currency = s.Currency, TariffCode = s.TariffCode,
        TariffNames = s.TariffNames,
        Services = [.. s.Services.Select(x => new SubscribedServiceDocument { Code = x.Code, State = x.State, SinceUtc = x.Since.UtcDateTime })],
        Pin = s.Pin is { } pin ? new PinHashDocument { Algorithm = pin.Algorithm, Iterations = pin.Iterations, Salt = pin.Salt, Hash = pin.Hash } : null,
    };

    // LiteDB hands dates back in local time unless told otherwise.
    internal static DateTimeOffset Utc(DateTime value) =>
        new(DateTime.SpecifyKind(value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(), DateTimeKind.Utc));
}
