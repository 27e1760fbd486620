using System.Net;
using Microsoft.Playwright;
using SelfService.Gateway.Tests.Infrastructure;
using SelfService.Testing.Browser;

namespace SelfService.Gateway.Tests.Security;

/// <summary>
/// The probe found no CSP, X-Content-Type-Options or Referrer-Policy anywhere, and a desk that any page could frame.
/// Headers are checked over HTTP; framing and the customers' pages under their policy are checked in Chromium.
/// </summary>
public class SecurityHeadersTests : LoopbackGatewayTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Channels:DirectLine:Enabled"] = "true",
        ["Channels:DirectLine:Secrets:0"] = new string('s', 48),
    };

    [TestCase("/health")]
    [TestCase("/webchat")]
    [TestCase("/")]
    [TestCase("/staff/signin")]
    [TestCase("/api/queue")]
    [TestCase("/no-such-page")]
    public async Task EveryResponse_HasNosniffAndNoReferrer(string path)
    {
        using var anonymous = Gateway.CreateAnonymousClient();
        using var response = await anonymous.GetAsync(path);

        Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
        Assert.That(response.Headers.GetValues("Referrer-Policy"), Is.EqualTo(new[] { "no-referrer" }));
    }

    [TestCase("/staff/signin")]
    [TestCase("/staff/desk")]
    public async Task StaffPages_MayNotBeFramed_AndRunOnlyTheGatewaysScripts(string path)
    {
        using var anonymous = Gateway.CreateAnonymousClient();
        using var response = await anonymous.GetAsync(path);   // /staff/desk redirects to sign in; both are staff pages

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.GetValues("X-Frame-Options"), Is.EqualTo(new[] { "DENY" }));
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.That(policy, Does.Contain("frame-ancestors 'none'").And.Contain("script-src 'self';").And.Contain("object-src 'none'"));
        Assert.That(policy, Does.Not.Contain("unsafe-eval"));
    }

    [TestCase("/webchat")]
    [TestCase("/")]
    public async Task CustomerPages_HaveAStrictScriptPolicy(string path)
    {
        using var anonymous = Gateway.CreateAnonymousClient();
        using var response = await anonymous.GetAsync(path);

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        var scripts = policy.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src", StringComparison.Ordinal));
        Assert.That(scripts, Does.StartWith("script-src 'self' 'sha256-").And.Not.Contain("unsafe"));
        Assert.That(policy, Does.Contain("img-src 'self' data: blob:"), "no tracking pixels from elsewhere");
    }

    [Test]
    public async Task Desk_FramedByAnotherPage_EvenOfTheSameOrigin_IsNotShown()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(Http.BaseAddress!);

        // A page of the gateway's own origin frames the customers' simple chat (which an operator may embed: the control
        // that framing works here) and the desk's sign-in page. Antiforgery's X-Frame-Options: SAMEORIGIN allowed this
        // before; frame-ancestors 'none' and DENY refuse every framer, of any origin.
        await page.GotoAsync("/webchat");
        await page.EvaluateAsync(@"() => {
            for (const [name, src] of [['chat', '/webchat'], ['victim', '/staff/signin']]) {
                const frame = document.createElement('iframe');
                frame.name = name; frame.src = src; frame.width = 800; frame.height = 600;
                document.body.appendChild(frame);
            }
        }");
        await Assertions.Expect(page.FrameLocator("iframe[name=chat]").Locator("#text")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await page.WaitForTimeoutAsync(1000);

        var victim = page.Frames.Single(f => f.Name == "victim");
        Assert.That(await victim.Locator("input[name=UserName]").CountAsync(), Is.Zero, "the browser refused to render the framed desk (" + victim.Url + ")");

        // The same page, opened on its own, shows its form.
        await page.GotoAsync("/staff/signin");
        await Assertions.Expect(page.Locator("input[name=UserName]")).ToBeVisibleAsync();
    }

    [Test]
    public async Task SimpleWebChat_UnderItsPolicy_StillWorks_WithoutViolations()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(Http.BaseAddress!);
        var violations = new List<string>();
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) violations.Add(message.Text); };

        await page.GotoAsync("/webchat");
        await page.Locator("#text").FillAsync("HELP");
        await page.Locator("#send button").ClickAsync();
        await Assertions.Expect(page.Locator(".msg.bot")).ToHaveCountAsync(2, new() { Timeout = 15_000 });

        Assert.That(violations, Is.Empty);
    }
}
