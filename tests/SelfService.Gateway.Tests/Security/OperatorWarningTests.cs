using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SelfService.Gateway.Tests.Infrastructure;
using SelfService.Staff;

namespace SelfService.Gateway.Tests.Security;

/// <summary>
/// The USSD callback's development relaxation (anyone acts as any subscriber) is not only logged: the dashboard says so
/// to every operator who opens it, until the setting is gone.
/// </summary>
public partial class OperatorWarningTests
{
    private const string Password = "supervisor password 1";

    [TestCase(true)]
    [TestCase(false)]
    public async Task Dashboard_ShowsTheUssdRelaxation_OnlyWhileItIsOn(bool relaxed)
    {
        var settings = new Dictionary<string, string?> { ["Channels:Ussd:HttpEnabled"] = "true" };
        if (relaxed) settings["Channels:Ussd:AllowUnauthenticatedInDevelopment"] = "true";
        else settings["Channels:Ussd:ApiKey"] = "aggregator-secret-0123456789";
        using var gateway = new GatewayFactory(settings, environment: "Development");
        using var browser = gateway.CreateAnonymousClient();   // it keeps cookies, as a browser does
        await gateway.Services.GetRequiredService<StaffAccounts>().CreateAsync("olga", Password, [StaffRoles.Supervisor], "test");

        using (await browser.PostAsync("/staff/signin", Form(("UserName", "olga"), ("Password", Password), ("__RequestVerificationToken", await TokenAsync(browser, "/staff/signin"))))) { }
        var dashboard = await browser.GetStringAsync("/staff/dashboard");

        Assert.That(dashboard, Does.Contain("id=\"figures\""), "signed in, the dashboard itself came back");
        Assert.That(dashboard.Contains("Channels:Ussd:AllowUnauthenticatedInDevelopment", StringComparison.Ordinal), Is.EqualTo(relaxed));
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) => new(fields.ToDictionary(f => f.Name, f => f.Value));

    private static async Task<string> TokenAsync(HttpClient browser, string path) =>
        AntiforgeryField().Match(await browser.GetStringAsync(path)).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
