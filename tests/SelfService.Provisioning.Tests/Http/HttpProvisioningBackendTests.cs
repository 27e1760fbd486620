using System.Net;
using System.Text;
using System.Text.Json;
using static SelfService.Provisioning.Tests.SampleOperator;

namespace SelfService.Provisioning.Tests.Http;

/// <summary>The HTTP backend against the reference implementation of the contract, over real HTTP on 127.0.0.1.</summary>
public sealed class HttpProvisioningBackendTests
{
    private OperatorBackendServer _server = null!;
    private HttpBackends _backends = null!;

    private IProvisioningBackend Backend => _backends.Backend;

    [SetUp]
    public async Task SetUp()
    {
        _server = await OperatorBackendServer.StartAsync();
        _backends = new HttpBackends(_server.BaseAddress);
    }

    [TearDown]
    public async Task TearDown()
    {
        _backends.Dispose();
        await _server.DisposeAsync();
    }

    [Test]
    public async Task GetServicesAsync_OperatorBackend_ReturnsCatalogue()
    {
        var services = await Backend.GetServicesAsync(CancellationToken.None);

        Assert.That(services, Has.Count.EqualTo(7));
        var roaming = services.Single(s => s.Code == "ROAMING");
        Assert.That(roaming.Names["ru"], Is.EqualTo("Роуминг"));
        Assert.That(roaming.Aliases, Is.EqualTo(new[] { "РОУМИНГ" }));
        Assert.That(roaming.MonthlyFee, Is.EqualTo(99m));
        Assert.That(roaming.Currency, Is.EqualTo("RUB"));
    }

    [Test]
    public async Task FindSubscriberAsync_KnownMsisdn_ReturnsAccount()
    {
        var account = await Backend.FindSubscriberAsync(John, CancellationToken.None);

        Assert.That(account, Is.Not.Null);
        Assert.That(account!.Msisdn, Is.EqualTo(John));
        Assert.That(account.Name, Is.EqualTo("John Smith"));
        Assert.That(account.Balance, Is.EqualTo(120m));
        Assert.That(account.TariffNames["en"], Is.EqualTo("Smart"));
        Assert.That(account.Services, Is.EqualTo(new[]
        {
            new SubscribedService("VOICEMAIL", ServiceState.Active, new DateTimeOffset(2025, 1, 15, 0, 0, 0, TimeSpan.FromHours(3))),
        }));
    }

    [Test]
    public async Task FindSubscriberAsync_UnknownMsisdn_ReturnsNull()
    {
        Assert.That(await Backend.FindSubscriberAsync(Stranger, CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task ChangeServiceAsync_ActivateServiceWithFee_ChargesFee()
    {
        var result = await Backend.ChangeServiceAsync(Activate("h1", Ivan, "SMSPACK"), CancellationToken.None);

        Assert.That(result, Is.EqualTo(new ServiceChangeResult(ServiceChangeOutcome.Done, 50m, 300m)));
        var account = await Backend.FindSubscriberAsync(Ivan, CancellationToken.None);
        Assert.That(account!.Balance, Is.EqualTo(300m));
        Assert.That(account.Services.Single(s => s.Code == "SMSPACK").State, Is.EqualTo(ServiceState.Active));
    }

    [Test]
    public async Task ChangeServiceAsync_RepeatedRequestId_ReturnsFirstResultAndChargesOnce()
    {
        var first = await Backend.ChangeServiceAsync(Activate("h1", Ivan, "SMSPACK"), CancellationToken.None);
        var repeat = await Backend.ChangeServiceAsync(Activate("h1", Ivan, "SMSPACK"), CancellationToken.None);

        Assert.That(repeat, Is.EqualTo(first));
        Assert.That((await Backend.FindSubscriberAsync(Ivan, CancellationToken.None))!.Balance, Is.EqualTo(300m));
    }

    [Test]
    public async Task ChangeServiceAsync_ConcurrentIdenticalRequests_ChargeOnce()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ =>
            Backend.ChangeServiceAsync(Activate("same", Ivan, "SMSPACK"), CancellationToken.None)));

        Assert.That(results, Is.All.EqualTo(new ServiceChangeResult(ServiceChangeOutcome.Done, 50m, 300m)));
        Assert.That((await Backend.FindSubscriberAsync(Ivan, CancellationToken.None))!.Balance, Is.EqualTo(300m));
    }

    [Test]
    public async Task ChangeServiceAsync_ActivateActiveService_AlreadyInStateChargesNothing()
    {
        var result = await Backend.ChangeServiceAsync(Activate("h1", Ivan, "INTERNET"), CancellationToken.None);

        Assert.That(result, Is.EqualTo(new ServiceChangeResult(ServiceChangeOutcome.AlreadyInState, 0m, 350m)));
    }

    [Test]
    public async Task ChangeServiceAsync_BalanceBelowFee_InsufficientFunds()
    {
        var result = await Backend.ChangeServiceAsync(Activate("h1", Anna, "SMSPACK"), CancellationToken.None);

        Assert.That(result, Is.EqualTo(new ServiceChangeResult(ServiceChangeOutcome.InsufficientFunds, 0m, 5m)));
        Assert.That((await Backend.FindSubscriberAsync(Anna, CancellationToken.None))!.Services, Is.Empty);
    }

    [TestCase(Ivan, "TELEPORT", ServiceChangeOutcome.UnknownService)]
    [TestCase(Stranger, "ROAMING", ServiceChangeOutcome.UnknownSubscriber)]
    public async Task ChangeServiceAsync_UnknownSubscriberOrService_ReturnsWhichOne(string msisdn, string code, ServiceChangeOutcome expected)
    {
        var result = await Backend.ChangeServiceAsync(Activate("h1", msisdn, code), CancellationToken.None);

        Assert.That(result.Outcome, Is.EqualTo(expected));
        Assert.That(result.Charged, Is.Zero);
    }

    [Test]
    public async Task ChangeServiceAsync_DeactivateActiveService_DoneAndInactive()
    {
        var result = await Backend.ChangeServiceAsync(new ServiceChangeRequest("h1", Olga, "ROAMING", ServiceChange.Deactivate, "sms"), CancellationToken.None);

        Assert.That(result, Is.EqualTo(new ServiceChangeResult(ServiceChangeOutcome.Done, 0m, 1000m)));
        var roaming = (await Backend.FindSubscriberAsync(Olga, CancellationToken.None))!.Services.Single();
        Assert.That(roaming.State, Is.EqualTo(ServiceState.Inactive));
    }

    [TestCase(Ivan, "1234", true)]
    [TestCase(Ivan, "4321", false)]
    [TestCase(John, "1111", true)]
    [TestCase(Stranger, "1234", false)]
    public async Task VerifyPinAsync_Pin_ValidOnlyForTheSubscribersOwn(string msisdn, string pin, bool expected)
    {
        Assert.That(await Backend.VerifyPinAsync(msisdn, pin, CancellationToken.None), Is.EqualTo(expected));
    }

    [Test]
    public async Task OperatorBackend_ChangeWithoutIdempotencyKey_Answers400()
    {
        using var client = new HttpClient { BaseAddress = _server.BaseAddress };
        using var body = new StringContent("{\"channel\":\"sms\"}", Encoding.UTF8, "application/json");

        using var response = await client.PostAsync("subscribers/%2B79161234567/services/SMSPACK/activation", body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await Backend.FindSubscriberAsync(Ivan, CancellationToken.None))!.Balance, Is.EqualTo(350m));
    }

    [Test]
    public async Task OperatorBackend_WireFormat_IsCamelCaseWithEnumStrings()
    {
        using var client = new HttpClient { BaseAddress = _server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "subscribers/%2B79031112233/services/SMSPACK/activation")
        {
            Content = new StringContent("{\"channel\":\"sms\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", "wire-1");

        using var change = await client.SendAsync(request);
        using var changeJson = JsonDocument.Parse(await change.Content.ReadAsStringAsync());
        using var account = JsonDocument.Parse(await client.GetStringAsync("subscribers/%2B79161234567"));
        using var unknown = await client.GetAsync("subscribers/%2B79000000000");

        Assert.That(change.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(changeJson.RootElement.GetProperty("outcome").GetString(), Is.EqualTo("insufficientFunds"));
        Assert.That(changeJson.RootElement.GetProperty("balanceAfter").GetDecimal(), Is.EqualTo(5m));
        Assert.That(account.RootElement.GetProperty("services")[0].GetProperty("state").GetString(), Is.EqualTo("active"));
        Assert.That(account.RootElement.GetProperty("tariffCode").GetString(), Is.EqualTo("SMART"));
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task OperatorBackend_ApiKeyConfigured_AcceptsTheKeyAndRejectsOthers()
    {
        await using var guarded = await OperatorBackendServer.StartAsync("--OperatorBackend:ApiKey=s3cret");
        using var withKey = new HttpBackends(guarded.BaseAddress, o => o.ApiKey = "s3cret");
        using var withBearer = new HttpBackends(guarded.BaseAddress, o => o.BearerToken = "s3cret");
        using var withWrongKey = new HttpBackends(guarded.BaseAddress, o => o.ApiKey = "guess");

        Assert.That((await withKey.Backend.FindSubscriberAsync(Ivan, CancellationToken.None))?.Name, Is.EqualTo("Иван Петров"));
        Assert.That((await withBearer.Backend.FindSubscriberAsync(Ivan, CancellationToken.None))?.Name, Is.EqualTo("Иван Петров"));
        Assert.That(() => withWrongKey.Backend.FindSubscriberAsync(Ivan, CancellationToken.None),
            Throws.InstanceOf<ProvisioningUnavailableException>().With.Message.Contains("401"));
    }

    private static ServiceChangeRequest Activate(string requestId, string msisdn, string code) =>
        new(requestId, msisdn, code, ServiceChange.Activate, "sms");
}
