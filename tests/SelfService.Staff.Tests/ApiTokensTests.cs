namespace SelfService.Staff.Tests;

public class ApiTokensTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Test]
    public async Task AnIssuedToken_AuthenticatesItsAccount_AndOnlyItsHashIsStored()
    {
        using var staff = new StaffFixture();
        await staff.Accounts.CreateAsync("crm", "long enough password", [StaffRoles.Agent], "test");
        var token = await staff.Tokens.IssueAsync("crm", "crm integration", null, "admin", null, None);

        Assert.That(token, Does.StartWith(ApiTokens.Prefix));
        Assert.That((await staff.Tokens.AuthenticateAsync(token, None))!.UserName, Is.EqualTo("crm"));
        var account = (await staff.Accounts.FindAsync("crm", None))!;
        var stored = System.Text.Json.JsonSerializer.Serialize((await staff.Storage.ApiTokens.ForAccountAsync(account.Id, None)).Single());
        Assert.That(stored, Does.Not.Contain(token[ApiTokens.Prefix.Length..]));
    }

    [TestCase("")]
    [TestCase("sst_")]
    [TestCase("not-a-token")]
    [TestCase("sst_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task UnknownTokens_AuthenticateNobody(string token)
    {
        using var staff = new StaffFixture();
        Assert.That(await staff.Tokens.AuthenticateAsync(token, None), Is.Null);
    }

    [Test]
    public async Task ExpiredRevokedOrDisabled_AuthenticateNobody()
    {
        using var staff = new StaffFixture();
        await staff.Accounts.CreateAsync("crm", "long enough password", [StaffRoles.Agent], "test");
        var shortLived = await staff.Tokens.IssueAsync("crm", "short", TimeSpan.FromHours(1), "admin", null, None);
        var revoked = await staff.Tokens.IssueAsync("crm", "revoked", null, "admin", null, None);
        var account = (await staff.Accounts.FindAsync("crm", None))!;
        await staff.Tokens.RevokeAsync((await staff.Tokens.ForAccountAsync(account.Id, None)).Single(t => t.Label == "revoked").Id, "admin", null, None);

        staff.Clock.Advance(TimeSpan.FromHours(2));
        Assert.That(await staff.Tokens.AuthenticateAsync(shortLived, None), Is.Null, "expired");
        Assert.That(await staff.Tokens.AuthenticateAsync(revoked, None), Is.Null, "revoked");
    }

    [Test]
    public async Task Revoke_Twice_OnlyTheFirstRevokesAndIsAudited()
    {
        using var staff = new StaffFixture();
        await staff.Accounts.CreateAsync("crm", "long enough password", [StaffRoles.Agent], "test");
        await staff.Tokens.IssueAsync("crm", "ci", null, "admin", null, None);
        var account = (await staff.Accounts.FindAsync("crm", None))!;
        var tokenId = (await staff.Tokens.ForAccountAsync(account.Id, None)).Single().Id;

        Assert.That(await staff.Tokens.RevokeAsync(tokenId, "admin", null, None), Is.True);
        Assert.That(await staff.Tokens.RevokeAsync(tokenId, "admin", null, None), Is.False);
        Assert.That(await staff.Tokens.RevokeAsync("no such token", "admin", null, None), Is.False);

        var revocations = await staff.Audit.RecentAsync(new SelfService.Storage.Staff.AuditQuery(10, Actor: "admin"), None);
        Assert.That(revocations.Count(e => e.Action == "token.revoke"), Is.EqualTo(1));
    }
}
