using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SelfService.Gateway.Tests.Infrastructure;
using SelfService.Staff;

namespace SelfService.Gateway.Tests.Security;

/// <summary>
/// Everyone lists and revokes their own API tokens, admins anyone's; a token that is not yours is "not found". Issuing
/// and revoking are audited with the client's address.
/// </summary>
public class ApiTokenManagementTests : LoopbackGatewayTest
{
    [Test]
    public async Task Owner_ListsAndRevokesTheirToken_ItStopsWorking_AndTheRevocationIsAudited()
    {
        using var masha = await Gateway.CreateStaffClientAsync("masha", StaffRoles.Agent);
        var tokens = await masha.GetFromJsonAsync<JsonElement>("/api/staff/tokens");
        var mine = tokens.EnumerateArray().Single();
        Assert.That(mine.GetProperty("label").GetString(), Is.EqualTo("test"));
        Assert.That(mine.TryGetProperty("hash", out _), Is.False, "the list never shows what a token is");

        using var revoked = await masha.DeleteAsync($"/api/staff/tokens/{mine.GetProperty("id").GetString()}");
        Assert.That(revoked.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        using var after = await masha.GetAsync("/api/staff/me");
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the revoked token no longer works");

        var listedByAdmin = await Http.GetFromJsonAsync<JsonElement>("/api/staff/tokens?user=masha");
        Assert.That(listedByAdmin.EnumerateArray().Single().GetProperty("revoked").GetBoolean(), Is.True);
        var audit = await Http.GetFromJsonAsync<JsonElement>("/api/staff/audit?actor=masha");
        var entry = audit.EnumerateArray().Single(e => e.GetProperty("action").GetString() == "token.revoke");
        Assert.That(entry.GetProperty("subject").GetString(), Is.EqualTo("masha"));
        Assert.That(entry.GetProperty("remoteAddress").GetString(), Is.EqualTo("127.0.0.1"));
    }

    [Test]
    public async Task AnotherAgent_CannotListOrRevokeSomeoneElsesToken_AnAdminCan()
    {
        using var masha = await Gateway.CreateStaffClientAsync("masha", StaffRoles.Agent);
        var tokenId = (await masha.GetFromJsonAsync<JsonElement>("/api/staff/tokens")).EnumerateArray().Single().GetProperty("id").GetString();
        using var petr = await Gateway.CreateStaffClientAsync("petr", StaffRoles.Agent);

        using var listed = await petr.GetAsync("/api/staff/tokens?user=masha");
        using var deleted = await petr.DeleteAsync($"/api/staff/tokens/{tokenId}");
        Assert.That(listed.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "another's token looks like no token");
        using (var stillWorks = await masha.GetAsync("/api/staff/me")) Assert.That(stillWorks.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        using var byAdmin = await Http.DeleteAsync($"/api/staff/tokens/{tokenId}");
        Assert.That(byAdmin.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        using var after = await masha.GetAsync("/api/staff/me");
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task CreatingAnAccount_IsAuditedWithTheClientAddress()
    {
        using var created = await Http.PostAsJsonAsync("/api/staff/accounts", new { userName = "olga", password = "Correct-horse-42", roles = new[] { "agent" } });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());

        var audit = await Http.GetFromJsonAsync<JsonElement>("/api/staff/audit?subject=olga");
        var entry = audit.EnumerateArray().Single(e => e.GetProperty("action").GetString() == "staff.create");
        Assert.That(entry.GetProperty("remoteAddress").GetString(), Is.EqualTo("127.0.0.1"));
    }
}
