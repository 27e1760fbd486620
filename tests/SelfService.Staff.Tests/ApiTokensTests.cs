namespace SelfService.Staff.Tests;

public class ApiTokensTests
{
    [Test]
    public void AnIssuedToken_AuthenticatesItsAccount_AndOnlyItsHashIsStored()
    {
        using var staff = new StaffFixture();
        staff.Accounts.Create("crm", "long enough password", [StaffRoles.Agent], "test");
        var token = staff.Tokens.Issue("crm", "crm integration", null, "admin");

        Assert.That(token, Does.StartWith(ApiTokens.Prefix));
        Assert.That(staff.Tokens.Authenticate(token)!.UserName, Is.EqualTo("crm"));
        var stored = staff.Database.GetCollection("staff_tokens").FindAll().Single().ToString();
        Assert.That(stored, Does.Not.Contain(token[ApiTokens.Prefix.Length..]));
    }

    [TestCase("")]
    [TestCase("sst_")]
    [TestCase("not-a-token")]
    [TestCase("sst_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void UnknownTokens_AuthenticateNobody(string token)
    {
        using var staff = new StaffFixture();
        Assert.That(staff.Tokens.Authenticate(token), Is.Null);
    }

    [Test]
    public void ExpiredRevokedOrDisabled_AuthenticateNobody()
    {
        using var staff = new StaffFixture();
        staff.Accounts.Create("crm", "long enough password", [StaffRoles.Agent], "test");
        var shortLived = staff.Tokens.Issue("crm", "short", TimeSpan.FromHours(1), "admin");
        var revoked = staff.Tokens.Issue("crm", "revoked", null, "admin");
        staff.Tokens.Revoke(staff.Tokens.ForAccount(staff.Accounts.Find("crm")!.Id).Single(t => t.Label == "revoked").Id, "admin");

        staff.Clock.Advance(TimeSpan.FromHours(2));
        Assert.That(staff.Tokens.Authenticate(shortLived), Is.Null, "expired");
        Assert.That(staff.Tokens.Authenticate(revoked), Is.Null, "revoked");
    }
}
