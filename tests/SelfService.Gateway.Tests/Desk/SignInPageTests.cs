using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SelfService.Gateway.Tests.Infrastructure;
using SelfService.Staff;
using SelfService.Testing.Browser;

namespace SelfService.Gateway.Tests.Desk;

/// <summary>The sign-in page in Chromium, and the pages' protection as a browser and a script meet it.</summary>
public class SignInPageTests : LoopbackGatewayTest
{
    private const string Password = "agent password 1";

    [Test]
    public async Task Pages_WithoutSignIn_RedirectToTheSignInPage()
    {
        using var anonymous = Gateway.CreateAnonymousClient();
        using var response = await anonymous.GetAsync("/staff");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "followed the redirect");
        Assert.That(response.RequestMessage!.RequestUri!.AbsolutePath, Is.EqualTo("/staff/signin"));
    }

    [Test]
    public async Task SignInPosted_WithoutItsAntiforgeryToken_IsRefused()
    {
        await Gateway.Services.GetRequiredService<StaffAccounts>().CreateAsync("masha", Password, [StaffRoles.Agent], "test");
        using var anonymous = Gateway.CreateAnonymousClient();
        using var response = await anonymous.PostAsync("/staff/signin",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "masha", ["Password"] = Password }));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("selfservice.staff", StringComparison.Ordinal)), Is.False);
    }

    [Test]
    public async Task AgentSignsIn_SeesTheirPages_AndIsDeniedTheOthers()
    {
        await Gateway.Services.GetRequiredService<StaffAccounts>().CreateAsync("masha", Password, [StaffRoles.Agent], "test", displayName: "Мария");
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(Http.BaseAddress!);

        await page.GotoAsync("/staff");
        await page.Locator("input[name=UserName]").FillAsync("masha");
        await page.Locator("input[name=Password]").FillAsync("wrong password");
        await page.Locator("form button[type=submit]").Last.ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=signin-error]")).ToHaveTextAsync("Неверное имя или пароль.");

        await StaffBrowser.SignInAsync(page, "masha", Password);
        await Assertions.Expect(page.Locator("[data-test=who]")).ToHaveTextAsync("Мария");
        Assert.That(new Uri(page.Url).AbsolutePath, Is.EqualTo("/staff"));

        var denied = await page.GotoAsync("/staff/dashboard");
        Assert.That(denied!.Status, Is.EqualTo(403));
        await Assertions.Expect(page.Locator("[data-test=denied]")).ToBeVisibleAsync();

        // The header's forms (language, sign out) carry their antiforgery tokens too.
        await page.GotoAsync("/staff");
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.Locator("header nav")).ToContainTextAsync("Agent desk");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync("**/staff/signin");
        Assert.That((await page.GotoAsync("/staff/desk"))!.Url, Does.Contain("/staff/signin"), "signed out: the desk asks to sign in again");
    }
}
