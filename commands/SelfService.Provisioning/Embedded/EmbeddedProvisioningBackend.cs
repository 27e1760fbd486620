using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SelfService.Storage.Provisioning;

namespace SelfService.Provisioning.Embedded;

/// <summary>
/// The provisioning backend kept in the gateway's own store (behind <see cref="IProvisioningStore"/>): the sample operator
/// for demos and tests, and the reference behaviour the HTTP contract follows.
/// </summary>
public sealed partial class EmbeddedProvisioningBackend : IProvisioningBackend
{
    private readonly IProvisioningStore _store;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<EmbeddedProvisioningBackend> _logger;

    public EmbeddedProvisioningBackend(
        IProvisioningStore store,
        TimeProvider timeProvider,
        ILogger<EmbeddedProvisioningBackend>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _store = store;
        _timeProvider = timeProvider;
        _logger = logger ?? NullLogger<EmbeddedProvisioningBackend>.Instance;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ServiceOffer>> GetServicesAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return [.. (await _store.ServicesAsync(cancellationToken)).Select(DocumentMapper.ToOffer)];
    }

    /// <inheritdoc />
    public async Task<SubscriberAccount?> FindSubscriberAsync(string msisdn, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var subscriber = await _store.FindSubscriberAsync(Msisdn.Normalize(msisdn), cancellationToken);
        return subscriber is null ? null : DocumentMapper.ToAccount(subscriber);
    }

    /// <inheritdoc />
    public async Task<ServiceChangeResult> ChangeServiceAsync(ServiceChangeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.RequestId);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.ServiceCode);
        cancellationToken.ThrowIfCancellationRequested();

        var msisdn = Msisdn.Normalize(request.Msisdn);
        var serviceCode = request.ServiceCode.Trim().ToUpperInvariant();
        var now = _timeProvider.GetUtcNow();
        // Decided inside the store's atomic step: the balance read and the charge cannot interleave with another request.
        var (record, repeated) = await _store.ChangeAsync(request.RequestId, msisdn, serviceCode,
            (subscriber, service) => Decide(request, msisdn, serviceCode, subscriber, service, now), cancellationToken);
        var result = DocumentMapper.ToResult(record);
        if (!repeated)
            LogServiceChanged(request.RequestId, msisdn, serviceCode, request.Change, result.Outcome, result.Charged);
        else if (record.Msisdn != msisdn || record.ServiceCode != serviceCode || record.Change != request.Change.ToString())
            LogRequestIdReused(request.RequestId, record.Msisdn, msisdn);
        else
            LogRepeatedRequest(request.RequestId, msisdn);
        return result;
    }

    /// <inheritdoc />
    public async Task<bool> VerifyPinAsync(string msisdn, string pin, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (string.IsNullOrEmpty(pin))
        {
            return false;
        }

        var subscriber = await _store.FindSubscriberAsync(Msisdn.Normalize(msisdn), cancellationToken);
        return subscriber is not null && PinHasher.Verify(pin, subscriber.Pin);
    }

    /// <summary>Every change attempt recorded for a subscriber, oldest first.</summary>
    public async Task<IReadOnlyList<ProvisioningAuditEntry>> GetAuditAsync(string msisdn, CancellationToken cancellationToken) =>
        [.. (await _store.ChangesOfAsync(Msisdn.Normalize(msisdn), cancellationToken)).Select(DocumentMapper.ToEntry)];

    /// <summary>Decides the outcome and, when it is <see cref="ServiceChangeOutcome.Done"/>, changes <paramref name="subscriber"/>.</summary>
    private static ServiceChangeRecord Decide(
        ServiceChangeRequest request, string msisdn, string serviceCode, ProvisionedSubscriber? subscriber, ProvisionedService? service, DateTimeOffset now)
    {
        var balanceBefore = subscriber?.Balance ?? 0m;
        var result = Decide(subscriber, service, serviceCode, request.Change, now);
        return new ServiceChangeRecord
        {
            RequestId = request.RequestId, Msisdn = msisdn, ServiceCode = serviceCode, Change = request.Change.ToString(), Channel = request.Channel,
            Outcome = result.Outcome.ToString(), Charged = result.Charged, BalanceBefore = balanceBefore, BalanceAfter = result.BalanceAfter, At = now,
        };
    }

    private static ServiceChangeResult Decide(ProvisionedSubscriber? subscriber, ProvisionedService? service, string serviceCode, ServiceChange change, DateTimeOffset now)
    {
        if (subscriber is null)
        {
            return new ServiceChangeResult(ServiceChangeOutcome.UnknownSubscriber, 0m, 0m);
        }

        if (service is null)
        {
            return new ServiceChangeResult(ServiceChangeOutcome.UnknownService, 0m, subscriber.Balance);
        }

        var entry = subscriber.Services.Find(s => s.Code == serviceCode);
        var target = change == ServiceChange.Activate ? ServiceState.Active : ServiceState.Inactive;
        if ((entry is null ? ServiceState.Inactive : DocumentMapper.StateOf(entry.State)) == target)
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
            entry = new SubscribedServiceState { Code = serviceCode };
            subscriber.Services.Add(entry);
        }

        entry.State = target.ToString();
        entry.Since = now;
        return new ServiceChangeResult(ServiceChangeOutcome.Done, fee, subscriber.Balance);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Request {RequestId} for {Msisdn}: {Change} {ServiceCode} → {Outcome}, charged {Charged}")]
    private partial void LogServiceChanged(string requestId, string msisdn, string serviceCode, ServiceChange change, ServiceChangeOutcome outcome, decimal charged);

    [LoggerMessage(Level = LogLevel.Information, Message = "Request {RequestId} for {Msisdn} repeated: returning the first result, charging nothing")]
    private partial void LogRepeatedRequest(string requestId, string msisdn);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request id {RequestId} reused: first for {FirstMsisdn}, now for {Msisdn} or another change; returning the first result")]
    private partial void LogRequestIdReused(string requestId, string firstMsisdn, string msisdn);
}
