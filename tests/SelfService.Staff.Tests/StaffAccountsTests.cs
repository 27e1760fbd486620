using SelfService.Storage.Staff;

namespace SelfService.Staff.Tests;

public class StaffAccountsTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private const string Password = "long enough password";

    [Test]
    public async Task Create_StoresAHashNotThePassword_AndTheRightPasswordSignsIn()
    {
        using var staff = new StaffFixture();
        var account = await staff.Accounts.CreateAsync("Olga", Password, [StaffRoles.Editor], "test");

        Assert.That(account.UserName, Is.EqualTo("olga"), "user names are case-insensitive");
        Assert.That(account.PasswordHash, Does.Not.Contain(Password));
        var result = await staff.Accounts.CheckPasswordAsync("OLGA", Password, "127.0.0.1", None);
        Assert.That(result.Outcome, Is.EqualTo(SignInOutcome.Succeeded));
        Assert.That(result.Account!.Roles, Is.EqualTo(new[] { StaffRoles.Editor }));
    }

    [Test]
    public async Task Create_RefusesEachProblemWithAReason()
    {
        using var staff = new StaffFixture();
        var problems = (await Assert.ThrowsAsync<StaffAccountException>(() => staff.Accounts.CreateAsync("bad name!", "short", ["chief"], "test")))!.Problems;

        Assert.That(problems, Has.Some.Contains("user name"));
        Assert.That(problems, Has.Some.Contains("at least 10 characters"));
        Assert.That(problems, Has.Some.Contains("'chief' is not a role"));
    }

    [Test]
    public async Task Create_RefusesASecondAccountWithTheSameName()
    {
        using var staff = new StaffFixture();
        await staff.Accounts.CreateAsync("igor", Password, [StaffRoles.Agent], "test");
        await Assert.ThrowsAsync<StaffAccountException>(() => staff.Accounts.CreateAsync("IGOR", Password, [StaffRoles.Agent], "test"));
    }

    [Test]
    public async Task WrongPasswords_LockTheAccount_EvenAgainstTheRightOne_UntilTheLockoutEnds()
    {
        using var staff = new StaffFixture(new StaffOptions { LockoutThreshold = 5, LockoutDuration = TimeSpan.FromMinutes(15) });
        await staff.Accounts.CreateAsync("igor", Password, [StaffRoles.Agent], "test");

        for (var i = 0; i < 4; i++) Assert.That((await staff.Accounts.CheckPasswordAsync("igor", "wrong " + i, null, None)).Outcome, Is.EqualTo(SignInOutcome.Failed));
        Assert.That((await staff.Accounts.CheckPasswordAsync("igor", "wrong 5", null, None)).Outcome, Is.EqualTo(SignInOutcome.LockedOut));
        Assert.That((await staff.Accounts.CheckPasswordAsync("igor", Password, null, None)).Outcome, Is.EqualTo(SignInOutcome.LockedOut));

        staff.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.That((await staff.Accounts.CheckPasswordAsync("igor", Password, null, None)).Outcome, Is.EqualTo(SignInOutcome.Succeeded));
    }

    [Test]
    public async Task WrongPasswordsFromAStranger_LockOutTheStranger_NotTheOwnerElsewhere()
    {
        using var staff = new StaffFixture(new StaffOptions { LockoutThreshold = 5, LockoutDuration = TimeSpan.FromMinutes(15) });
        await staff.Accounts.CreateAsync("admin", Password, [StaffRoles.Admin], "test");

        for (var i = 0; i < 5; i++) await staff.Accounts.CheckPasswordAsync("admin", "guess " + i, "203.0.113.66", None);

        Assert.That((await staff.Accounts.CheckPasswordAsync("admin", Password, "203.0.113.66", None)).Outcome, Is.EqualTo(SignInOutcome.LockedOut), "even the right password, from the stranger's address");
        Assert.That((await staff.Accounts.CheckPasswordAsync("admin", Password, "10.0.0.5", None)).Outcome, Is.EqualTo(SignInOutcome.Succeeded), "the owner, elsewhere");
    }

    [Test]
    public async Task UnknownUserName_IsAnsweredAndLockedLikeAKnownOne()
    {
        using var staff = new StaffFixture(new StaffOptions { LockoutThreshold = 3 });
        await staff.Accounts.CreateAsync("igor", Password, [StaffRoles.Agent], "test");

        var known = new List<SignInOutcome>();
        var unknown = new List<SignInOutcome>();
        for (var i = 0; i < 4; i++) known.Add((await staff.Accounts.CheckPasswordAsync("igor", "wrong " + i, "198.51.100.1", None)).Outcome);
        for (var i = 0; i < 4; i++) unknown.Add((await staff.Accounts.CheckPasswordAsync("nobody", "wrong " + i, "198.51.100.1", None)).Outcome);

        Assert.That(unknown, Is.EqualTo(known));
        Assert.That(known, Is.EqualTo(new[] { SignInOutcome.Failed, SignInOutcome.Failed, SignInOutcome.LockedOut, SignInOutcome.LockedOut }));
    }

    [Test]
    public async Task RepeatedLockouts_LastLonger()
    {
        using var staff = new StaffFixture(new StaffOptions { LockoutThreshold = 2, LockoutDuration = TimeSpan.FromMinutes(10) });
        await staff.Accounts.CreateAsync("igor", Password, [StaffRoles.Agent], "test");
        async Task LockOutAsync() { for (var i = 0; i < 2; i++) await staff.Accounts.CheckPasswordAsync("igor", "wrong", "198.51.100.1", None); }

        await LockOutAsync();
        staff.Clock.Advance(TimeSpan.FromMinutes(11));
        await LockOutAsync();   // the second lockout: 20 minutes
        staff.Clock.Advance(TimeSpan.FromMinutes(11));

        Assert.That((await staff.Accounts.CheckPasswordAsync("igor", Password, "198.51.100.1", None)).Outcome, Is.EqualTo(SignInOutcome.LockedOut));
        staff.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.That((await staff.Accounts.CheckPasswordAsync("igor", Password, "198.51.100.1", None)).Outcome, Is.EqualTo(SignInOutcome.Succeeded));
    }

    [Test]
    public async Task PasswordChange_EndsTheTokensIssuedBefore_NotThoseAfter()
    {
        using var staff = new StaffFixture();
        await staff.Accounts.CreateAsync("igor", Password, [StaffRoles.Agent], "test");
        var before = await staff.Tokens.IssueAsync("igor", "crm", lifetime: null, "test", null, None);
        var stamp = (await staff.Accounts.FindAsync("igor", None))!.SecurityStamp;
        staff.Clock.Advance(TimeSpan.FromSeconds(1));

        await staff.Accounts.SetPasswordAsync("igor", "a brand new password", "igor", None);
        staff.Clock.Advance(TimeSpan.FromSeconds(1));
        var after = await staff.Tokens.IssueAsync("igor", "crm", lifetime: null, "test", null, None);

        Assert.That(await staff.Tokens.AuthenticateAsync(before, None), Is.Null);
        Assert.That((await staff.Tokens.AuthenticateAsync(after, None))?.UserName, Is.EqualTo("igor"));
        Assert.That((await staff.Accounts.FindAsync("igor", None))!.SecurityStamp, Is.Not.EqualTo(stamp), "the cookies of before end too");
    }

    [Test]
    public async Task ASuccessfulSignIn_ResetsTheFailureCount()
    {
        using var staff = new StaffFixture(new StaffOptions { LockoutThreshold = 3 });
        await staff.Accounts.CreateAsync("igor", Password, [StaffRoles.Agent], "test");
        await staff.Accounts.CheckPasswordAsync("igor", "wrong", null, None);
        await staff.Accounts.CheckPasswordAsync("igor", "wrong", null, None);
        await staff.Accounts.CheckPasswordAsync("igor", Password, null, None);

        Assert.That((await staff.Accounts.CheckPasswordAsync("igor", "wrong", null, None)).Outcome, Is.EqualTo(SignInOutcome.Failed));
    }

    [Test]
    public async Task UnknownUser_FailsLikeAWrongPassword_AndEveryAttemptIsAudited()
    {
        using var staff = new StaffFixture();
        Assert.That((await staff.Accounts.CheckPasswordAsync("nobody", Password, "10.0.0.1", None)).Outcome, Is.EqualTo(SignInOutcome.Failed));

        var entry = (await staff.Audit.RecentAsync(new AuditQuery(10), None)).Single();
        Assert.That((entry.Actor, entry.Action, entry.RemoteAddress), Is.EqualTo(("nobody", "signin.failed", "10.0.0.1")));
    }

    [Test]
    public async Task SetPassword_EndsALockout()
    {
        using var staff = new StaffFixture(new StaffOptions { LockoutThreshold = 1 });
        await staff.Accounts.CreateAsync("igor", Password, [StaffRoles.Agent], "test");
        await staff.Accounts.CheckPasswordAsync("igor", "wrong", null, None);

        await staff.Accounts.SetPasswordAsync("igor", "a brand new password", "admin", None);
        Assert.That((await staff.Accounts.CheckPasswordAsync("igor", "a brand new password", null, None)).Outcome, Is.EqualTo(SignInOutcome.Succeeded));
    }

    [Test]
    public async Task AnyAdmin_IsTrueOnlyOnceAnAdminExists()
    {
        using var staff = new StaffFixture();
        await staff.Accounts.CreateAsync("agent", Password, [StaffRoles.Agent], "test");
        Assert.That(await staff.Accounts.AnyAdminAsync(None), Is.False);
        await staff.Accounts.CreateAsync("root", Password, [StaffRoles.Admin], "test");
        Assert.That(await staff.Accounts.AnyAdminAsync(None), Is.True);
    }
}
