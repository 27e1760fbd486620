using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SelfService.Provisioning.Http;
using static SelfService.Provisioning.Tests.SampleOperator;

namespace SelfService.Provisioning.Tests.Http;

/// <summary>The HTTP backend against a loopback server that misbehaves on purpose.</summary>
public sealed class HttpProvisioningFaultTests
{
    private const string ServicesJson = """
        [{"code":"ROAMING","names":{"ru":"Роуминг","en":"Roaming"},"descriptions":{"ru":"р","en":"r"},
          "aliases":["РОУМИНГ"],"activationFee":0,"monthlyFee":99,"currency":"RUB"}]
        """;

    // These tests tell "gives up at its timeout" from "hangs": the slack is generous for a loaded CI machine and still
    // far below a hang.
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(10);

    [Test]
    public async Task GetServicesAsync_ClosedPort_ThrowsUnavailableWithinTotalTimeout()
    {
        using var backends = new HttpBackends(LoopbackAddress.ClosedPort(), HttpBackends.ShortTimeouts);
        var stopwatch = Stopwatch.StartNew();

        Assert.That(() => backends.Backend.GetServicesAsync(CancellationToken.None),
            Throws.InstanceOf<ProvisioningUnavailableException>().With.InnerException.Not.Null);
        Assert.That(stopwatch.Elapsed, Is.LessThan(HttpBackends.TotalTimeout + Slack));
    }

    [Test]
    public async Task GetServicesAsync_ServerNeverAnswers_ThrowsUnavailableWithinTotalTimeout()
    {
        await using var server = await FaultServer.StartAsync((context, _) => Task.Delay(Timeout.Infinite, context.RequestAborted));
        using var backends = new HttpBackends(server.BaseAddress, o =>
        {
            HttpBackends.ShortTimeouts(o);
            o.AttemptTimeout = HttpBackends.TotalTimeout;
        });
        var stopwatch = Stopwatch.StartNew();

        Assert.That(() => backends.Backend.GetServicesAsync(CancellationToken.None),
            Throws.InstanceOf<ProvisioningUnavailableException>().With.Message.Contains("timeout"));
        Assert.That(stopwatch.Elapsed, Is.GreaterThanOrEqualTo(HttpBackends.TotalTimeout - TimeSpan.FromMilliseconds(100)));
        Assert.That(stopwatch.Elapsed, Is.LessThan(HttpBackends.TotalTimeout + Slack));
    }

    [Test]
    public async Task GetServicesAsync_SlowAttempt_IsAbandonedAndRetried()
    {
        await using var server = await FaultServer.StartAsync((context, attempt) => attempt == 1
            ? Task.Delay(Timeout.Infinite, context.RequestAborted)
            : FaultServer.Json(context, 200, ServicesJson));
        // Long enough that the answering second attempt is not cut short on a busy machine.
        using var backends = new HttpBackends(server.BaseAddress, o => o.AttemptTimeout = TimeSpan.FromSeconds(2));

        var services = await backends.Backend.GetServicesAsync(CancellationToken.None);

        Assert.That(services.Single().Code, Is.EqualTo("ROAMING"));
        Assert.That(server.Attempts, Is.EqualTo(2));
    }

    [Test]
    public async Task GetServicesAsync_500ThenOk_RetriesAndSucceeds()
    {
        await using var server = await FaultServer.StartAsync((context, attempt) =>
            FaultServer.Json(context, attempt == 1 ? 500 : 200, attempt == 1 ? "{}" : ServicesJson));
        using var backends = new HttpBackends(server.BaseAddress);

        var services = await backends.Backend.GetServicesAsync(CancellationToken.None);

        Assert.That(services.Single().Names["ru"], Is.EqualTo("Роуминг"));
        Assert.That(server.Attempts, Is.EqualTo(2));
    }

    [TestCase(429)]
    [TestCase(408)]
    [TestCase(503)]
    public async Task GetServicesAsync_TransientStatusThenOk_Retries(int status)
    {
        await using var server = await FaultServer.StartAsync((context, attempt) =>
            FaultServer.Json(context, attempt == 1 ? status : 200, attempt == 1 ? "{}" : ServicesJson));
        using var backends = new HttpBackends(server.BaseAddress);

        await backends.Backend.GetServicesAsync(CancellationToken.None);

        Assert.That(server.Attempts, Is.EqualTo(2));
    }

    [Test]
    public async Task GetServicesAsync_Always503_ThrowsUnavailableAfterConfiguredRetries()
    {
        await using var server = await FaultServer.StartAsync((context, _) => FaultServer.Json(context, 503, "{}"));
        using var backends = new HttpBackends(server.BaseAddress);

        Assert.That(() => backends.Backend.GetServicesAsync(CancellationToken.None),
            Throws.InstanceOf<ProvisioningUnavailableException>().With.Message.Contains("503"));
        Assert.That(server.Attempts, Is.EqualTo(HttpBackends.RetryCount + 1));
    }

    [TestCase(400)]
    [TestCase(401)]
    [TestCase(403)]
    public async Task GetServicesAsync_PermanentStatus_ThrowsUnavailableWithoutRetry(int status)
    {
        await using var server = await FaultServer.StartAsync((context, _) => FaultServer.Json(context, status, "{}"));
        using var backends = new HttpBackends(server.BaseAddress);

        Assert.That(() => backends.Backend.GetServicesAsync(CancellationToken.None),
            Throws.InstanceOf<ProvisioningUnavailableException>().With.Message.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(server.Attempts, Is.EqualTo(1));
    }

    [Test]
    public async Task ChangeServiceAsync_503ThenOk_RetriesPostWithSameIdempotencyKeyAndBody()
    {
        await using var server = await FaultServer.StartAsync((context, attempt) => attempt == 1
            ? FaultServer.Json(context, 503, "{}")
            : FaultServer.Json(context, 200, """{"outcome":"done","charged":50.00,"balanceAfter":300.00}"""));
        using var backends = new HttpBackends(server.BaseAddress);

        var result = await backends.Backend.ChangeServiceAsync(
            new ServiceChangeRequest("req-42", Ivan, "SMSPACK", ServiceChange.Activate, "sms"), CancellationToken.None);

        Assert.That(result, Is.EqualTo(new ServiceChangeResult(ServiceChangeOutcome.Done, 50m, 300m)));
        var requests = server.Requests.ToArray();
        Assert.That(requests, Has.Length.EqualTo(2));
        Assert.That(requests.Select(r => r.Method), Is.All.EqualTo("POST"));
        Assert.That(requests.Select(r => r.RawTarget), Is.All.EqualTo("/subscribers/%2B79161234567/services/SMSPACK/activation"));
        Assert.That(requests.Select(r => r.Headers["Idempotency-Key"]), Is.All.EqualTo("req-42"));
        Assert.That(requests.Select(r => r.Body), Is.All.EqualTo("""{"channel":"sms"}"""));
    }

    [Test]
    public async Task ChangeServiceAsync_Deactivate_PostsToDeactivation()
    {
        await using var server = await FaultServer.StartAsync((context, _) =>
            FaultServer.Json(context, 200, """{"outcome":"alreadyInState","charged":0,"balanceAfter":5}"""));
        using var backends = new HttpBackends(server.BaseAddress);

        var result = await backends.Backend.ChangeServiceAsync(
            new ServiceChangeRequest("req-1", Anna, "ROAMING", ServiceChange.Deactivate, "ussd"), CancellationToken.None);

        Assert.That(result, Is.EqualTo(new ServiceChangeResult(ServiceChangeOutcome.AlreadyInState, 0m, 5m)));
        Assert.That(server.Requests.Single().RawTarget, Is.EqualTo("/subscribers/%2B79031112233/services/ROAMING/deactivation"));
    }

    [Test]
    public async Task ChangeServiceAsync_402InsufficientFunds_IsAcceptedAsAnswer()
    {
        await using var server = await FaultServer.StartAsync((context, _) =>
            FaultServer.Json(context, 402, """{"outcome":"insufficientFunds","charged":0,"balanceAfter":5}"""));
        using var backends = new HttpBackends(server.BaseAddress);

        var result = await backends.Backend.ChangeServiceAsync(
            new ServiceChangeRequest("req-1", Anna, "SMSPACK", ServiceChange.Activate, "sms"), CancellationToken.None);

        Assert.That(result, Is.EqualTo(new ServiceChangeResult(ServiceChangeOutcome.InsufficientFunds, 0m, 5m)));
    }

    [Test]
    public async Task ChangeServiceAsync_404WithoutOutcome_ThrowsUnavailable()
    {
        await using var server = await FaultServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = 404;
            return Task.CompletedTask;
        });
        using var backends = new HttpBackends(server.BaseAddress);

        Assert.That(() => backends.Backend.ChangeServiceAsync(
                new ServiceChangeRequest("req-1", Anna, "SMSPACK", ServiceChange.Activate, "sms"), CancellationToken.None),
            Throws.InstanceOf<ProvisioningUnavailableException>().With.Message.Contains("malformed"));
    }

    // One row per endpoint and way of being malformed.
    private static IEnumerable<TestCaseData> MalformedAnswers()
    {
        yield return Case("services: not JSON", "{not json", b => b.GetServicesAsync(CancellationToken.None));
        yield return Case("services: empty body", "", b => b.GetServicesAsync(CancellationToken.None));
        yield return Case("services: object, not array", "{}", b => b.GetServicesAsync(CancellationToken.None));
        yield return Case("services: null element", "[null]", b => b.GetServicesAsync(CancellationToken.None));
        yield return Case("subscriber: missing fields", """{"msisdn":"+79161234567"}""", b => b.FindSubscriberAsync(Ivan, CancellationToken.None));
        yield return Case("subscriber: null", "null", b => b.FindSubscriberAsync(Ivan, CancellationToken.None));
        yield return Case("change: unknown outcome", """{"outcome":"maybe","charged":0,"balanceAfter":1}""",
            b => b.ChangeServiceAsync(new ServiceChangeRequest("r", Ivan, "ROAMING", ServiceChange.Activate, "sms"), CancellationToken.None));
        yield return Case("change: no amounts", """{"outcome":"done"}""",
            b => b.ChangeServiceAsync(new ServiceChangeRequest("r", Ivan, "ROAMING", ServiceChange.Activate, "sms"), CancellationToken.None));
        yield return Case("pin: string for bool", """{"valid":"yes"}""", b => b.VerifyPinAsync(Ivan, "1234", CancellationToken.None));

        static TestCaseData Case(string name, string body, Func<IProvisioningBackend, Task> call) =>
            new TestCaseData(body, call).SetArgDisplayNames(name);
    }

    [TestCaseSource(nameof(MalformedAnswers))]
    public async Task AnyCall_MalformedJson_ThrowsUnavailableSayingMalformed(string body, Func<IProvisioningBackend, Task> call)
    {
        await using var server = await FaultServer.StartAsync((context, _) => FaultServer.Json(context, 200, body));
        using var backends = new HttpBackends(server.BaseAddress);

        Assert.That(() => call(backends.Backend),
            Throws.InstanceOf<ProvisioningUnavailableException>().With.Message.Contains("malformed JSON"));
    }

    [Test]
    public async Task VerifyPinAsync_Request_SendsPinInBodyNotInAddress()
    {
        await using var server = await FaultServer.StartAsync((context, _) => FaultServer.Json(context, 200, """{"valid":true}"""));
        using var backends = new HttpBackends(server.BaseAddress);

        var valid = await backends.Backend.VerifyPinAsync(Ivan, "1234", CancellationToken.None);

        var request = server.Requests.Single();
        Assert.That(valid, Is.True);
        Assert.That(request.RawTarget, Is.EqualTo("/subscribers/%2B79161234567/pin/verify"));
        Assert.That(request.Body, Is.EqualTo("""{"pin":"1234"}"""));
    }

    [Test]
    public async Task AnyCall_CredentialsConfigured_SendsBearerTokenAndApiKey()
    {
        await using var server = await FaultServer.StartAsync((context, _) => FaultServer.Json(context, 200, ServicesJson));
        using var backends = new HttpBackends(server.BaseAddress, o =>
        {
            o.BearerToken = "tok";
            o.ApiKey = "key";
            o.ApiKeyHeaderName = "X-Operator-Key";
        });

        await backends.Backend.GetServicesAsync(CancellationToken.None);

        var headers = server.Requests.Single().Headers;
        Assert.That(headers["Authorization"], Is.EqualTo("Bearer tok"));
        Assert.That(headers["X-Operator-Key"], Is.EqualTo("key"));
    }

    [Test]
    public async Task AnyCall_BaseAddressWithPath_KeepsThePath()
    {
        await using var server = await FaultServer.StartAsync((context, _) => FaultServer.Json(context, 200, ServicesJson));
        using var backends = new HttpBackends(new Uri(server.BaseAddress, "api/v1"));

        await backends.Backend.GetServicesAsync(CancellationToken.None);

        Assert.That(server.Requests.Single().RawTarget, Is.EqualTo("/api/v1/services"));
    }

    [Test]
    public async Task AnyCall_CallerCancels_ThrowsOperationCanceledNotUnavailable()
    {
        await using var server = await FaultServer.StartAsync((context, _) => Task.Delay(Timeout.Infinite, context.RequestAborted));
        using var backends = new HttpBackends(server.BaseAddress);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        Assert.That(() => backends.Backend.GetServicesAsync(cancellation.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public void AddHttpProvisioning_NoBaseAddress_FailsValidation()
    {
        using var services = new ServiceCollection().AddLogging().AddHttpProvisioning(_ => { }).BuildServiceProvider();

        Assert.That(() => services.GetRequiredService<IProvisioningBackend>(),
            Throws.InstanceOf<OptionsValidationException>().With.Message.Contains("BaseAddress"));
    }

    [Test]
    public void AddHttpProvisioning_TotalTimeoutBelowAttemptTimeout_FailsValidation()
    {
        using var services = new ServiceCollection().AddLogging().AddHttpProvisioning(o =>
        {
            o.BaseAddress = new Uri("http://127.0.0.1:1/");
            o.AttemptTimeout = TimeSpan.FromSeconds(5);
            o.TotalTimeout = TimeSpan.FromSeconds(1);
        }).BuildServiceProvider();

        Assert.That(() => services.GetRequiredService<IOptions<HttpProvisioningOptions>>().Value,
            Throws.InstanceOf<OptionsValidationException>().With.Message.Contains("TotalTimeout"));
    }
}
