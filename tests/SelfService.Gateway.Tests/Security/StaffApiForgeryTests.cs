using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SelfService.Gateway.Tests.Infrastructure;
using SelfService.Staff;

namespace SelfService.Gateway.Tests.Security;

/// <summary>
/// The probe's same-site form post: a page on another port of the same host posted to /api/kb/articles/{id}/approve
/// while a reviewer was signed in, and published the article. The cookie alone no longer acts on a staff API.
/// </summary>
public partial class StaffApiForgeryTests : LoopbackGatewayTest
{
    private const string Password = "reviewer password 1";

    [Test]
    public async Task FormPostWithOnlyTheCookie_CannotApprove_TheHeaderTokenCan()
    {
        await Gateway.Services.GetRequiredService<StaffAccounts>().CreateAsync("rita", Password, [StaffRoles.Reviewer], "test");
        var id = await ArticleInReviewAsync();
        using var browser = Gateway.CreateAnonymousClient();   // keeps cookies, as a browser does
        await SignInAsync(browser);

        // What the attacker's page makes the browser send: the cookie, a form body, no header.
        using var forged = await browser.PostAsync($"/api/kb/articles/{id}/approve", new FormUrlEncodedContent(new Dictionary<string, string> { ["x"] = "1" }));
        Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await StatusAsync(id), Is.Not.EqualTo("Published"));

        // Even the form field the pages use does not count on an API: only the header does.
        var token = await PageTokenAsync(browser, "/staff");
        using var withField = await browser.PostAsync($"/api/kb/articles/{id}/approve", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.That(withField.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await StatusAsync(id), Is.Not.EqualTo("Published"));

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/kb/articles/{id}/approve");
        request.Headers.Add(StaffApiForgeryProtection.HeaderName, token);
        using var approved = await browser.SendAsync(request);
        Assert.That(approved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await approved.Content.ReadAsStringAsync());
        Assert.That(await StatusAsync(id), Is.EqualTo("Published"));
    }

    [Test]
    public async Task CookieOnly_CanStillRead_ButNotWrite()
    {
        await Gateway.Services.GetRequiredService<StaffAccounts>().CreateAsync("rita", Password, [StaffRoles.Reviewer], "test");
        using var browser = Gateway.CreateAnonymousClient();
        await SignInAsync(browser);

        using var read = await browser.GetAsync("/api/staff/me");
        Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var write = await browser.PostAsJsonAsync("/api/kb/articles/roaming-prices-ru/retire", new { comment = "forged" });
        Assert.That(write.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    private async Task<string> ArticleInReviewAsync()
    {
        using var olga = await Gateway.CreateStaffClientAsync("olga", StaffRoles.Editor);
        using var created = await olga.PostAsJsonAsync("/api/kb/articles", new
        {
            content = new
            {
                language = "en", category = "devices", title = "Phones in instalments",
                questions = new[] { "Can I buy a phone in instalments?" }, keywords = new[] { "instalments" },
                shortAnswer = "Yes, over 6-24 months.", longAnswer = "**Yes**, over 6-24 months.",
            },
        });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        using var submitted = await olga.PostAsync($"/api/kb/articles/{id}/submit", null);
        Assert.That(submitted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return id;
    }

    private async Task<string> StatusAsync(string id) =>
        (await Http.GetFromJsonAsync<JsonElement>($"/api/kb/articles/{id}")).GetProperty("status").GetString()!;

    private static async Task SignInAsync(HttpClient browser)
    {
        var token = await PageTokenAsync(browser, "/staff/signin");
        using var signedIn = await browser.PostAsync("/staff/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "rita", ["Password"] = Password, ["__RequestVerificationToken"] = token,
        }));
        Assert.That(signedIn.RequestMessage!.RequestUri!.AbsolutePath, Is.EqualTo("/staff"), "signed in and sent to the staff home");
    }

    private static async Task<string> PageTokenAsync(HttpClient browser, string path)
    {
        var html = await browser.GetStringAsync(path);
        return AntiforgeryField().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new AssertionException("no antiforgery token on " + path);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
