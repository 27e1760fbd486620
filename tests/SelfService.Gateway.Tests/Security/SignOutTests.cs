using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SelfService.Gateway.Tests.Infrastructure;
using SelfService.Staff;

namespace SelfService.Gateway.Tests.Security;

/// <summary>The probe's finding: a sign-in cookie copied before sign-out still worked afterwards. Sign-out now ends it.</summary>
public partial class SignOutTests : LoopbackGatewayTest
{
    private const string Password = "agent password 1";

    [Test]
    public async Task CookieCopiedBeforeSignOut_NoLongerWorksAfterIt()
    {
        await Gateway.Services.GetRequiredService<StaffAccounts>().CreateAsync("masha", Password, [StaffRoles.Agent], "test");
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = Http.BaseAddress };
        using (await browser.PostAsync("/staff/signin", Form(("UserName", "masha"), ("Password", Password), ("__RequestVerificationToken", await TokenAsync(browser, "/staff/signin"))))) { }
        var copied = cookies.GetCookieHeader(Http.BaseAddress!);
        Assert.That(await MeAsync(copied), Is.EqualTo(HttpStatusCode.OK), "the copy works while signed in");

        using var signedOut = await browser.PostAsync("/staff/signout", Form(("__RequestVerificationToken", await TokenAsync(browser, "/staff"))));
        Assert.That(signedOut.RequestMessage!.RequestUri!.AbsolutePath, Is.EqualTo("/staff/signin"));

        Assert.That(await MeAsync(copied), Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    private async Task<HttpStatusCode> MeAsync(string cookieHeader)
    {
        using var thief = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = Http.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/staff/me");
        request.Headers.Add("Cookie", cookieHeader);
        using var response = await thief.SendAsync(request);
        return response.StatusCode;
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) => new(fields.ToDictionary(f => f.Name, f => f.Value));

    private static async Task<string> TokenAsync(HttpClient browser, string path) =>
        AntiforgeryField().Match(await browser.GetStringAsync(path)).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
