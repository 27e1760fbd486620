using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace SelfService.Provisioning.Http;

/// <summary>
/// The operator's provisioning system behind the REST contract in <c>Http/CONTRACT.md</c>.
/// Retries (with backoff and jitter) live in the resilience handler of the named HTTP client
/// <see cref="HttpClientName"/>; this class adds the total timeout and turns every way of not
/// getting a usable answer into <see cref="ProvisioningUnavailableException"/>.
/// </summary>
public sealed partial class HttpProvisioningBackend : IProvisioningBackend
{
    /// <summary>The name of the <see cref="IHttpClientFactory"/> client this backend uses.</summary>
    public const string HttpClientName = "SelfService.Provisioning";

    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly HttpProvisioningOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<HttpProvisioningBackend> _logger;

    public HttpProvisioningBackend(
        IHttpClientFactory httpClientFactory,
        IOptions<HttpProvisioningOptions> options,
        TimeProvider timeProvider,
        ILogger<HttpProvisioningBackend> logger)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _httpClientFactory = httpClientFactory;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ServiceOffer>> GetServicesAsync(CancellationToken cancellationToken) =>
        SendAsync(
            "GET services",
            () => new HttpRequestMessage(HttpMethod.Get, "services"),
            async (response, operation, token) =>
            {
                EnsureSuccess(response, operation);
                var services = await ReadJsonAsync<List<ServiceOffer>>(response, operation, token);
                if (services.Contains(null!))
                {
                    throw Malformed(operation, "the list contains null");
                }

                return (IReadOnlyList<ServiceOffer>)services;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<SubscriberAccount?> FindSubscriberAsync(string msisdn, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(msisdn);
        return SendAsync(
            "GET subscriber",
            () => new HttpRequestMessage(HttpMethod.Get, SubscriberPath(msisdn)),
            async (response, operation, token) =>
            {
                if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    return null;
                }

                EnsureSuccess(response, operation);
                return (SubscriberAccount?)await ReadJsonAsync<SubscriberAccount>(response, operation, token);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<ServiceChangeResult> ChangeServiceAsync(ServiceChangeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.RequestId);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Msisdn);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.ServiceCode);

        var action = request.Change == ServiceChange.Activate ? "activation" : "deactivation";
        var path = $"{SubscriberPath(request.Msisdn)}/services/{Uri.EscapeDataString(request.ServiceCode)}/{action}";
        var body = JsonSerializer.SerializeToUtf8Bytes(new ChangeServiceBody(request.Channel), ProvisioningJson.Options);
        return SendAsync(
            $"POST {action}",
            () =>
            {
                var message = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonBody(body) };

                // The key makes the POST safe to retry: the backend answers a repeat with the first result.
                message.Headers.Add("Idempotency-Key", request.RequestId);
                return message;
            },
            ReadChangeAnswerAsync,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> VerifyPinAsync(string msisdn, string pin, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(msisdn);
        ArgumentNullException.ThrowIfNull(pin);
        var body = JsonSerializer.SerializeToUtf8Bytes(new VerifyPinBody(pin), ProvisioningJson.Options);
        return SendAsync(
            "POST pin/verify",
            () => new HttpRequestMessage(HttpMethod.Post, $"{SubscriberPath(msisdn)}/pin/verify") { Content = JsonBody(body) },
            async (response, operation, token) =>
            {
                if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    return false;
                }

                EnsureSuccess(response, operation);
                return (await ReadJsonAsync<VerifyPinAnswer>(response, operation, token)).Valid;
            },
            cancellationToken);
    }

    private static string SubscriberPath(string msisdn) => $"subscribers/{Uri.EscapeDataString(msisdn.Trim())}";

    private static ByteArrayContent JsonBody(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = JsonMediaType;
        return content;
    }

    private static async Task<ServiceChangeResult> ReadChangeAnswerAsync(HttpResponseMessage response, string operation, CancellationToken cancellationToken)
    {
        // 404 carries the business outcome (unknown subscriber or service); a 404 without one is a
        // wrong address, not an answer. 402 is accepted for backends that say "insufficient funds" that way.
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.PaymentRequired)
        {
            var rejection = await ReadJsonAsync<ChangeServiceAnswer>(response, operation, cancellationToken);
            var expected = response.StatusCode == HttpStatusCode.NotFound
                ? rejection.Outcome is ServiceChangeOutcome.UnknownSubscriber or ServiceChangeOutcome.UnknownService
                : rejection.Outcome == ServiceChangeOutcome.InsufficientFunds;
            if (!expected)
            {
                throw Malformed(operation, $"HTTP {(int)response.StatusCode} with outcome {rejection.Outcome}");
            }

            return new ServiceChangeResult(rejection.Outcome, rejection.Charged ?? 0m, rejection.BalanceAfter ?? 0m);
        }

        EnsureSuccess(response, operation);
        var answer = await ReadJsonAsync<ChangeServiceAnswer>(response, operation, cancellationToken);
        if (answer.Charged is not { } charged || answer.BalanceAfter is not { } balanceAfter)
        {
            throw Malformed(operation, "charged and balanceAfter are required");
        }

        return new ServiceChangeResult(answer.Outcome, charged, balanceAfter);
    }

    private static void EnsureSuccess(HttpResponseMessage response, string operation)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new ProvisioningUnavailableException(
                $"The provisioning backend answered {operation} with HTTP {(int)response.StatusCode} {response.ReasonPhrase}.");
        }
    }

    private static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, string operation, CancellationToken cancellationToken)
        where T : class
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(stream, ProvisioningJson.Options, cancellationToken)
                ?? throw Malformed(operation, "the body is null");
        }
        catch (JsonException ex)
        {
            throw Malformed(operation, ex.Message, ex);
        }
    }

    private static ProvisioningUnavailableException Malformed(string operation, string detail, Exception? inner = null)
    {
        var message = $"The provisioning backend answered {operation} with malformed JSON: {detail}";
        return inner is null ? new ProvisioningUnavailableException(message) : new ProvisioningUnavailableException(message, inner);
    }

    private async Task<T> SendAsync<T>(
        string operation,
        Func<HttpRequestMessage> createRequest,
        Func<HttpResponseMessage, string, CancellationToken, Task<T>> readResponse,
        CancellationToken cancellationToken)
    {
        // The total timeout covers the retries in the handler and reading the body after it.
        using var totalTimeout = new CancellationTokenSource(_options.TotalTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, totalTimeout.Token);
        var client = _httpClientFactory.CreateClient(HttpClientName);
        try
        {
            using var request = createRequest();
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token);
            return await readResponse(response, operation, linked.Token);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException ex)
        {
            throw Unavailable(operation, $"no answer within the total timeout of {_options.TotalTimeout.TotalSeconds:0.###} s", ex);
        }
        catch (ExecutionRejectedException ex)
        {
            // Polly's attempt timeout, after the last retry.
            throw Unavailable(operation, $"no answer within the attempt timeout of {_options.AttemptTimeout.TotalSeconds:0.###} s", ex);
        }
        catch (HttpRequestException ex)
        {
            throw Unavailable(operation, ex.Message, ex);
        }
        catch (ProvisioningUnavailableException ex)
        {
            LogUnavailable(ex, operation);
            throw;
        }
    }

    private ProvisioningUnavailableException Unavailable(string operation, string reason, Exception inner)
    {
        var exception = new ProvisioningUnavailableException($"The provisioning backend did not answer {operation}: {reason}.", inner);
        LogUnavailable(exception, operation);
        return exception;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Provisioning backend unavailable for {Operation}")]
    private partial void LogUnavailable(Exception exception, string operation);
}
