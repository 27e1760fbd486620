using LiteDB;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SelfService.Provisioning.Embedded;

/// <summary>
/// The provisioning backend kept in the host's LiteDB database (collections prefixed <c>prov_</c>):
/// the sample operator for demos and tests, and the reference behaviour the HTTP contract follows.
/// </summary>
public sealed partial class EmbeddedProvisioningBackend : IProvisioningBackend
{
    private readonly ProvisioningStore _store;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<EmbeddedProvisioningBackend> _logger;

    public EmbeddedProvisioningBackend(
        ILiteDatabase database,
        TimeProvider timeProvider,
        ILogger<EmbeddedProvisioningBackend>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _store = new ProvisioningStore(database);
        _timeProvider = timeProvider;
        _logger = logger ?? NullLogger<EmbeddedProvisioningBackend>.Instance;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ServiceOffer>> GetServicesAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<ServiceOffer> offers = [.. _store.Services.FindAll().OrderBy(s => s.Id, StringComparer.Ordinal).Select(DocumentMapper.ToOffer)];
        return Task.FromResult(offers);
    }

    /// <inheritdoc />
    public Task<SubscriberAccount?> FindSubscriberAsync(string msisdn, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var document = _store.Subscribers.FindById(Msisdn.Normalize(msisdn));
        return Task.FromResult(document is null ? null : DocumentMapper.ToAccount(document));
    }

    /// <inheritdoc />
    public Task<ServiceChangeResult> ChangeServiceAsync(ServiceChangeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.RequestId);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.ServiceCode);
        cancellationToken.ThrowIfCancellationRequested();

        var msisdn = Msisdn.Normalize(request.Msisdn);
        var serviceCode = request.ServiceCode.Trim().ToUpperInvariant();

        // Synchronous on purpose: the whole read-check-write runs on this thread inside one
        // LiteDB transaction (see ProvisioningStore.InTransaction).
        var result = _store.InTransaction(() => Apply(request, msisdn, serviceCode));
        return Task.FromResult(result);
    }

    /// <inheritdoc />
    public Task<bool> VerifyPinAsync(string msisdn, string pin, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (string.IsNullOrEmpty(pin))
        {
            return Task.FromResult(false);
        }

        var document = _store.Subscribers.FindById(Msisdn.Normalize(msisdn));
        return Task.FromResult(document is not null && PinHasher.Verify(pin, document.Pin));
    }

    /// <summary>Every change attempt recorded for a subscriber, oldest first.</summary>
    public IReadOnlyList<ProvisioningAuditEntry> GetAudit(string msisdn)
    {
        var normalized = Msisdn.Normalize(msisdn);
        return [.. _store.Audit.Find(a => a.Msisdn == normalized).OrderBy(a => a.Id).Select(DocumentMapper.ToEntry)];
    }

    private ServiceChangeResult Apply(ServiceChangeRequest request, string msisdn, string serviceCode)
    {
        var previous = _store.ChangeRequests.FindById(request.RequestId);
        if (previous is not null)
        {
            if (previous.Msisdn != msisdn || previous.ServiceCode != serviceCode || previous.Change != request.Change)
            {
                LogRequestIdReused(request.RequestId, previous.Msisdn, msisdn);
            }
            else
            {
                LogRepeatedRequest(request.RequestId, msisdn);
            }

            return DocumentMapper.ToResult(previous);
        }

        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var subscriber = _store.Subscribers.FindById(msisdn);
        var balanceBefore = subscriber?.Balance ?? 0m;
        var result = Decide(subscriber, serviceCode, request.Change, now);

        if (result.Outcome == ServiceChangeOutcome.Done && subscriber is not null)
        {
            _store.Subscribers.Update(subscriber);
        }

        _store.ChangeRequests.Insert(new ChangeRequestDocument
        {
            Id = request.RequestId,
            Msisdn = msisdn,
            ServiceCode = serviceCode,
            Change = request.Change,
            Channel = request.Channel,
            Outcome = result.Outcome,
            Charged = result.Charged,
            BalanceAfter = result.BalanceAfter,
            ReceivedUtc = now,
        });
        _store.Audit.Insert(new AuditDocument
        {
            RequestId = request.RequestId,
            Msisdn = msisdn,
            ServiceCode = serviceCode,
            Change = request.Change,
            Outcome = result.Outcome,
            Charged = result.Charged,
            BalanceBefore = balanceBefore,
            BalanceAfter = result.BalanceAfter,
            Channel = request.Channel,
            TimestampUtc = now,
        });

        LogServiceChanged(request.RequestId, msisdn, serviceCode, request.Change, result.Outcome, result.Charged);
        return result;
    }

    /// <summary>Decides the outcome and, when it is <see cref="ServiceChangeOutcome.Done"/>, changes <paramref name="subscriber"/> in memory.</summary>
    private ServiceChangeResult Decide(SubscriberDocument? subscriber, string serviceCode, ServiceChange change, DateTime now)
    {
        if (subscriber is null)
        {
            return new ServiceChangeResult(ServiceChangeOutcome.UnknownSubscriber, 0m, 0m);
        }

        var service = _store.Services.FindById(serviceCode);
        if (service is null)
        {
            return new ServiceChangeResult(ServiceChangeOutcome.UnknownService, 0m, subscriber.Balance);
        }

        var entry = subscriber.Services.Find(s => s.Code == serviceCode);
        var target = change == ServiceChange.Activate ? ServiceState.Active : ServiceState.Inactive;
        if ((entry?.State ?? ServiceState.Inactive) == target)
        {
            return new ServiceChangeResult(ServiceChangeOutcome.AlreadyInState, 0m, subscriber.Balance);
        }

        var fee = change == ServiceChange.Activate ? service.ActivationFee : 0m;
        if (subscriber.Balance < fee)
        {
            return new ServiceChangeResult(ServiceChangeOutcome.InsufficientFunds, 0m, subscriber.Balance);
        }

        subscriber.Balance -= fee;
        if (entry is null)
        {
            entry = new SubscribedServiceDocument { Code = serviceCode };
            subscriber.Services.Add(entry);
        }

        entry.State = target;
        entry.SinceUtc = now;
        return new ServiceChangeResult(ServiceChangeOutcome.Done, fee, subscriber.Balance);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Request {RequestId} for {Msisdn}: {Change} {ServiceCode} → {Outcome}, charged {Charged}")]
    private partial void LogServiceChanged(string requestId, string msisdn, string serviceCode, ServiceChange change, ServiceChangeOutcome outcome, decimal charged);

    [LoggerMessage(Level = LogLevel.Information, Message = "Request {RequestId} for {Msisdn} repeated: returning the first result, charging nothing")]
    private partial void LogRepeatedRequest(string requestId, string msisdn);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request id {RequestId} reused: first for {FirstMsisdn}, now for {Msisdn} or another change; returning the first result")]
    private partial void LogRequestIdReused(string requestId, string firstMsisdn, string msisdn);
}
