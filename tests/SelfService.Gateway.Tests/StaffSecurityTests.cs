using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SelfService.Gateway.Tests.Infrastructure;
using SelfService.Staff;

namespace SelfService.Gateway.Tests;

/// <summary>Staff APIs need a signed-in user with the right role; customers' endpoints stay open; guessing passwords locks.</summary>
public class StaffSecurityTests : LoopbackGatewayTest
{
    [TestCase("/api/customers?msisdn=%2B79161234567")]
    [TestCase("/api/queue")]
    [TestCase("/api/kb/articles")]
    [TestCase("/api/outbox")]
    [TestCase("/api/staff/accounts")]
    public async Task StaffApis_WithNoCredentials_Answer401(string path)
    {
        using var anonymous = Gateway.CreateAnonymousClient();
        using var response = await anonymous.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task ForgedToken_Answers401()
    {
        using var forged = Gateway.CreateAnonymousClient();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiTokens.Prefix + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        using var response = await forged.GetAsync("/api/queue");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [TestCase(StaffRoles.Agent, "/api/kb/articles")]
    [TestCase(StaffRoles.Editor, "/api/queue")]
    [TestCase(StaffRoles.Editor, "/api/customers?msisdn=%2B79161234567")]
    [TestCase(StaffRoles.Agent, "/api/outbox")]
    [TestCase(StaffRoles.Supervisor, "/api/staff/accounts")]
    public async Task WrongRole_Answers403(string role, string path)
    {
        using var client = await Gateway.CreateStaffClientAsync("someone-" + role, role);
        using var response = await client.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task EditorMayNotPublish_OnlyReviewersMay()
    {
        using var editor = await Gateway.CreateStaffClientAsync("ed", StaffRoles.Editor);
        using var response = await editor.PostAsync("/api/kb/articles/roaming-prices-ru/approve", null);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task CustomersEndpoints_NeedNoStaffSignIn()
    {
        using var anonymous = Gateway.CreateAnonymousClient();
        var chat = await ChatSession.StartAsync(anonymous);
        Assert.That((await chat.AskAsync("HELP")).Text, Is.Not.Empty);
    }

    [Test]
    public async Task TokenForPassword_Works_AndTwentyWrongPasswordsLockTheAccount()
    {
        using var admin = Http;
        using var created = await admin.PostAsJsonAsync("/api/staff/accounts",
            new { userName = "marina", password = "correct horse battery", roles = new[] { StaffRoles.Agent }, displayName = "Марина" });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());

        using var anonymous = Gateway.CreateAnonymousClient();
        using (var good = await anonymous.PostAsJsonAsync("/api/staff/token", new { userName = "marina", password = "correct horse battery" }))
        {
            Assert.That(good.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            var token = (await good.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
            using var asMarina = Gateway.CreateAnonymousClient();
            asMarina.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var me = await asMarina.GetFromJsonAsync<JsonElement>("/api/staff/me");
            Assert.That(me.GetProperty("displayName").GetString(), Is.EqualTo("Марина"));
        }

        for (var i = 0; i < 20; i++)
        {
            using var wrong = await anonymous.PostAsJsonAsync("/api/staff/token", new { userName = "marina", password = "guess number " + i });
            Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }
        using var locked = await anonymous.PostAsJsonAsync("/api/staff/token", new { userName = "marina", password = "correct horse battery" });
        Assert.That(locked.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await locked.Content.ReadAsStringAsync(), Does.Contain("locked"));
        Assert.That((await anonymous.GetAsync("/health")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the host is fine");

        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/staff/audit?actor=marina&limit=100");
        var actions = audit.EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.That(actions.Count(a => a == "signin"), Is.EqualTo(1));
        Assert.That(actions.Count(a => a == "signin.failed"), Is.EqualTo(21));
    }

    [Test]
    public async Task LookingAtACustomer_IsAudited()
    {
        var chat = await ChatSession.StartAsync(Http);
        await chat.LinkAsync("+79161234567");
        using var agent = await Gateway.CreateStaffClientAsync("anna", StaffRoles.Agent);
        var customer = await agent.GetFromJsonAsync<JsonElement>("/api/customers?msisdn=%2B79161234567");
        var id = customer.GetProperty("id").GetString();

        var audit = await Http.GetFromJsonAsync<JsonElement>($"/api/staff/audit?actor=anna");
        Assert.That(audit.EnumerateArray().Any(e => e.GetProperty("action").GetString() == "customer.view" && e.GetProperty("subject").GetString() == id));
    }

    [Test]
    public async Task WeakPasswordsAndUnknownRoles_AreRefusedWithReasons()
    {
        using var response = await Http.PostAsJsonAsync("/api/staff/accounts", new { userName = "bob", password = "123", roles = new[] { "boss" } });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(body, Does.Contain("at least 10 characters").And.Contain("'boss' is not a role"));
    }
}
