using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using SelfService.Gateway.Tests.Infrastructure;
using SelfService.Staff;

namespace SelfService.Gateway.Tests.Security;

/// <summary>
/// The probe locked out the admin with five anonymous wrong passwords, and the "locked" answer told which names exist.
/// Lockout is now per user name and client address, and unknown names are answered like known ones.
/// </summary>
public class StaffLockoutTests : LoopbackGatewayTest
{
    private const string Password = "the admin's password 1";

    [Test]
    public async Task StrangersWrongPasswords_DoNotLockOutTheAdmin_AndDoNotRevealWhichNamesExist()
    {
        await Gateway.Services.GetRequiredService<StaffAccounts>().CreateAsync("admin", Password, [StaffRoles.Admin], "test");
        using var stranger = LoopbackAddress.ClientFrom("127.0.0.2", Http.BaseAddress!);

        var forAdmin = new List<string>();
        var forNobody = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            forAdmin.Add(await TokenAnswerAsync(stranger, "admin", "guess " + i));
            forNobody.Add(await TokenAnswerAsync(stranger, "nobody-" + "x", "guess " + i));
        }

        Assert.That(forNobody, Is.EqualTo(forAdmin), "the same answers for a name that does not exist");
        Assert.That(forAdmin[^1], Does.StartWith("401"));
        using var admin = Gateway.CreateAnonymousClient();   // 127.0.0.1: the admin's own address
        Assert.That(await TokenAnswerAsync(admin, "admin", Password), Does.StartWith("200"));
    }

    private static async Task<string> TokenAnswerAsync(HttpClient client, string userName, string password)
    {
        using var response = await client.PostAsJsonAsync("/api/staff/token", new { userName, password });
        var body = await response.Content.ReadAsStringAsync();
        // The problem's trace id differs on every answer; the status and the wording must not.
        return (int)response.StatusCode + " " + (response.StatusCode == HttpStatusCode.OK ? "token" : System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString());
    }
}
