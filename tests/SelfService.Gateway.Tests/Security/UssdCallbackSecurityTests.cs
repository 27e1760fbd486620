using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SelfService.Gateway.Tests.Infrastructure;
using SelfService.Provisioning;

namespace SelfService.Gateway.Tests.Security;

/// <summary>
/// The USSD callback trusts the phoneNumber it is given, so it must never be open: the probe's anonymous request that
/// switched off a subscriber's internet is refused, and a callback without transport authentication does not start.
/// </summary>
public class UssdCallbackSecurityTests
{
    private const string Victim = "+79161234567";
    private const string Key = "aggregator-secret-0123456789";

    [Test]
    public async Task AnonymousDeactivation_WithTheShippedSettings_IsRefusedAndChangesNothing()
    {
        using var gateway = new GatewayFactory();
        using var stranger = gateway.CreateAnonymousClient();

        var statuses = await DeactivateInternetAsync(stranger, key: null);

        Assert.That(statuses, Has.All.Matches<HttpStatusCode>(s => (int)s is 401 or 403 or 404), string.Join(", ", statuses));
        Assert.That(await InternetStateAsync(gateway), Is.EqualTo(ServiceState.Active));
    }

    [Test]
    public async Task AnonymousDeactivation_WithAKeyConfigured_Gets401AndAWrongKey403_AndNothingChanges()
    {
        using var gateway = new GatewayFactory(new Dictionary<string, string?> { ["Channels:Ussd:HttpEnabled"] = "true", ["Channels:Ussd:ApiKey"] = Key });
        using var stranger = gateway.CreateAnonymousClient();

        Assert.That(await DeactivateInternetAsync(stranger, key: null), Has.All.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await DeactivateInternetAsync(stranger, key: "guess-guess-guess-guess"), Has.All.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await InternetStateAsync(gateway), Is.EqualTo(ServiceState.Active));

        // The aggregator, with the key, still can.
        Assert.That(await DeactivateInternetAsync(stranger, key: Key), Has.All.EqualTo(HttpStatusCode.OK));
        Assert.That(await InternetStateAsync(gateway), Is.Not.EqualTo(ServiceState.Active));
    }

    [Test]
    public async Task AllowedSources_CallerOutsideThem_IsRefused_InsideThem_IsServed()
    {
        using (var elsewhere = new GatewayFactory(new Dictionary<string, string?> { ["Channels:Ussd:HttpEnabled"] = "true", ["Channels:Ussd:AllowedSources:0"] = "192.0.2.0/24" }))
        {
            using var client = elsewhere.CreateAnonymousClient();
            Assert.That(await DeactivateInternetAsync(client, key: null), Has.All.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(await InternetStateAsync(elsewhere), Is.EqualTo(ServiceState.Active));
        }

        using var loopback = new GatewayFactory(new Dictionary<string, string?> { ["Channels:Ussd:HttpEnabled"] = "true", ["Channels:Ussd:AllowedSources:0"] = "127.0.0.1" });
        using var aggregator = loopback.CreateAnonymousClient();
        Assert.That(await DeactivateInternetAsync(aggregator, key: null), Has.All.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public void Start_CallbackOnWithoutKeyOrSources_FailsNamingTheSettings()
    {
        using var gateway = new GatewayFactory(new Dictionary<string, string?> { ["Channels:Ussd:HttpEnabled"] = "true" });

        var failure = Assert.Catch(() => gateway.CreateAnonymousClient());

        Assert.That(failure!.ToString(), Does.Contain("Channels:Ussd:ApiKey").And.Contain("Channels:Ussd:AllowedSources"));
    }

    [Test]
    public void Start_DevelopmentRelaxationOutsideDevelopment_Fails()
    {
        using var gateway = new GatewayFactory(new Dictionary<string, string?>
        {
            ["Channels:Ussd:HttpEnabled"] = "true", ["Channels:Ussd:AllowUnauthenticatedInDevelopment"] = "true",
        });

        var failure = Assert.Catch(() => gateway.CreateAnonymousClient());

        Assert.That(failure!.ToString(), Does.Contain("only in the Development environment"));
    }

    /// <summary>The probe's session: *100# → 4 (Отключить) → 2 (Интернет) → 1 (ДА). Returns each step's status.</summary>
    private static async Task<List<HttpStatusCode>> DeactivateInternetAsync(HttpClient client, string? key)
    {
        var session = "probe-" + Guid.NewGuid().ToString("N")[..8];
        var statuses = new List<HttpStatusCode>();
        foreach (var text in new[] { "", "4", "4*2", "4*2*1" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ussd/callback")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["sessionId"] = session, ["serviceCode"] = "*100#", ["phoneNumber"] = Victim, ["networkCode"] = "25001", ["text"] = text,
                }),
            };
            if (key is not null) request.Headers.Add("X-Api-Key", key);
            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }
        return statuses;
    }

    private static async Task<ServiceState?> InternetStateAsync(GatewayFactory gateway)
    {
        var account = await gateway.Services.GetRequiredService<IProvisioningBackend>().FindSubscriberAsync(Victim, CancellationToken.None);
        return account!.Services.FirstOrDefault(s => s.Code == "INTERNET")?.State;
    }
}
