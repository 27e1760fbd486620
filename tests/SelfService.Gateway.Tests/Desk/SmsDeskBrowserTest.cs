using Microsoft.Extensions.DependencyInjection;
using SelfService.Gateway.Tests.Infrastructure;
using SelfService.Staff;
using SelfService.Testing.Browser;
using SelfService.Testing.Peers;

namespace SelfService.Gateway.Tests.Desk;

/// <summary>
/// The staff pages in Chromium over a gateway bound to the SMSC peer (npm smpp), so customers can write by SMS as well
/// as in the web chat. <see cref="Http"/> is an admin's client for the APIs; staff sign in on the pages.
/// </summary>
public abstract class SmsDeskBrowserTest
{
    protected NodeSmsc Smsc { get; private set; } = null!;
    protected GatewayFactory Gateway { get; private set; } = null!;
    protected HttpClient Http { get; private set; } = null!;
    protected Chromium Chromium { get; private set; } = null!;

    /// <summary>Settings over the SMS channel's, e.g. queue groups.</summary>
    protected virtual void Configure(Dictionary<string, string?> settings)
    {
    }

    [SetUp]
    public async Task StartPeersAndGateway()
    {
        Smsc = await NodeSmsc.StartAsync(new NodeSmscOptions { SystemId = "selfservice", Password = "secret" });
        var settings = SmsGatewaySettings.For(Smsc);
        Configure(settings);
        Gateway = new GatewayFactory(settings);
        Http = await Gateway.CreateLoopbackClientAsync();
        Chromium = await Chromium.LaunchAsync();
        await Smsc.WaitForAsync("bind", timeout: TimeSpan.FromSeconds(15));
    }

    [TearDown]
    public async Task StopPeersAndGateway()
    {
        await Chromium.DisposeAsync();
        Http.Dispose();
        Gateway.Dispose();
        await Smsc.DisposeAsync();
    }

    protected Task CreateStaffAsync(string userName, string password, string role, string displayName) =>
        Gateway.Services.GetRequiredService<StaffAccounts>().CreateAsync(userName, password, [role], "test", displayName: displayName);
}
