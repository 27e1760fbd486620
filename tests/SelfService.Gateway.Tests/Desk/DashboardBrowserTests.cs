using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SelfService.Gateway.Tests.Infrastructure;
using SelfService.Staff;
using SelfService.Testing.Browser;
using SelfService.Testing.Peers;

namespace SelfService.Gateway.Tests.Desk;

/// <summary>The operator's dashboard in Chromium: its figures move after a burst of traffic, with no reload; /metrics agrees.</summary>
[NonParallelizable] // kills, floods or paces: measured alone (see ParallelFixtures.cs)
public class DashboardBrowserTests : SmsDeskBrowserTest
{
    private const string Password = "supervisor password 1";

    [SetUp]
    public Task CreateSupervisorAsync() => CreateStaffAsync("olga", Password, StaffRoles.Supervisor, "Ольга");

    [Test]
    public async Task Figures_ChangeAfterABurstOfTraffic_WithoutReload()
    {
        var page = await Chromium.NewPageAsync(Http.BaseAddress!);
        await StaffBrowser.SignInAsync(page, "olga", Password, "/staff/dashboard");
        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-live", "connected");
        await Assertions.Expect(page.Locator("[data-test=inbound]")).ToHaveTextAsync("0");
        await Assertions.Expect(page.Locator("[data-test=connection-state]")).ToHaveTextAsync("работает");
        await Assertions.Expect(page.Locator("[data-test=agents-online]")).ToHaveTextAsync("1", new() { Timeout = 10_000 });

        // The burst: ten SMS customers ask for their balance, three web chat customers ask for a person.
        for (var i = 0; i < 10; i++) await Smsc.DeliverAsync("7916000000" + i.ToString(CultureInfo.InvariantCulture), SmsGatewaySettings.ShortCode, "BAL");
        for (var i = 0; i < 3; i++) await (await ChatSession.StartAsync(Http)).AskAsync("AGENT");
        await Smsc.WaitForCountAsync("submit_sm", 10, timeout: TimeSpan.FromSeconds(15));

        await Assertions.Expect(page.Locator("[data-test=inbound]")).ToHaveTextAsync("13", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("[data-test=conversations]")).ToHaveTextAsync("13");
        await Assertions.Expect(page.Locator("[data-test=escalations]")).ToHaveTextAsync("3");
        await Assertions.Expect(page.Locator("[data-test=queue-length]")).ToHaveTextAsync("3");
        await Assertions.Expect(page.Locator("[data-test=containment]")).ToHaveTextAsync("77%");
        await Assertions.Expect(page.Locator("[data-test=by-channel] tr[data-channel=sms] [data-test=count]")).ToHaveTextAsync("10");
        // What was sent: the replies, and no campaign message (CampaignBrowserTests sends some).
        await Assertions.Expect(page.Locator("[data-test=outbound-by-channel] tr[data-channel=sms] [data-test=replies-sent-channel]")).ToHaveTextAsync("10");
        await Assertions.Expect(page.Locator("[data-test=campaign-sent]")).ToHaveTextAsync("0");
        await Chromium.ScreenshotAsync(page, "dashboard");

        using var supervisor = await Gateway.CreateStaffClientAsync("scraper", StaffRoles.Supervisor);
        var metrics = await supervisor.GetStringAsync("/metrics");
        Assert.That(metrics, Does.Match("selfservice_inbound_messages_total\\{[^}]*channel=\"sms\"\\} 10"));
        Assert.That(metrics, Does.Match("selfservice_queue_length\\{[^}]*\\} 3"));
        Assert.That(metrics, Does.Match("selfservice_channel_up\\{[^}]*channel=\"sms\"[^}]*\\} 1"));
    }

    [Test]
    public async Task Metrics_WithoutCredentials_Answer401()
    {
        using var anonymous = Gateway.CreateAnonymousClient();
        using var response = await anonymous.GetAsync("/metrics");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
