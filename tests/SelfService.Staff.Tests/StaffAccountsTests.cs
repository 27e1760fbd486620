namespace SelfService.Staff.Tests;

public class StaffAccountsTests
{
    private const string Password = "long enough password";

    [Test]
    public void Create_StoresAHashNotThePassword_AndTheRightPasswordSignsIn()
    {
        using var staff = new StaffFixture();
        var account = staff.Accounts.Create("Olga", Password, [StaffRoles.Editor], "test");

        Assert.That(account.UserName, Is.EqualTo("olga"), "user names are case-insensitive");
        Assert.That(account.PasswordHash, Does.Not.Contain(Password));
        var result = staff.Accounts.CheckPassword("OLGA", Password, "127.0.0.1");
        Assert.That(result.Outcome, Is.EqualTo(SignInOutcome.Succeeded));
        Assert.That(result.Account!.Roles, Is.EqualTo(new[] { StaffRoles.Editor }));
    }

    [Test]
    public void Create_RefusesEachProblemWithAReason()
    {
        using var staff = new StaffFixture();
        var problems = Assert.Throws<StaffAccountException>(() => staff.Accounts.Create("bad name!", "short", ["chief"], "test"))!.Problems;

        Assert.That(problems, Has.Some.Contains("user name"));
        Assert.That(problems, Has.Some.Contains("at least 10 characters"));
        Assert.That(problems, Has.Some.Contains("'chief' is not a role"));
    }

    [Test]
    public void Create_RefusesASecondAccountWithTheSameName()
    {
        using var staff = new StaffFixture();
        staff.Accounts.Create("igor", Password, [StaffRoles.Agent], "test");
        Assert.Throws<StaffAccountException>(() => staff.Accounts.Create("IGOR", Password, [StaffRoles.Agent], "test"));
    }

    [Test]
    public void WrongPasswords_LockTheAccount_EvenAgainstTheRightOne_UntilTheLockoutEnds()
    {
        using var staff = new StaffFixture(new StaffOptions { LockoutThreshold = 5, LockoutDuration = TimeSpan.FromMinutes(15) });
        staff.Accounts.Create("igor", Password, [StaffRoles.Agent], "test");

        for (var i = 0; i < 4; i++) Assert.That(staff.Accounts.CheckPassword("igor", "wrong " + i, null).Outcome, Is.EqualTo(SignInOutcome.Failed));
        Assert.That(staff.Accounts.CheckPassword("igor", "wrong 5", null).Outcome, Is.EqualTo(SignInOutcome.LockedOut));
        Assert.That(staff.Accounts.CheckPassword("igor", Password, null).Outcome, Is.EqualTo(SignInOutcome.LockedOut));

        staff.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.That(staff.Accounts.CheckPassword("igor", Password, null).Outcome, Is.EqualTo(SignInOutcome.Succeeded));
    }

    [Test]
    public void WrongPasswordsFromAStranger_LockOutTheStranger_NotTheOwnerElsewhere()
    {
        using var staff = new StaffFixture(new StaffOptions { LockoutThreshold = 5, LockoutDuration = TimeSpan.FromMinutes(15) });
        staff.Accounts.Create("admin", Password, [StaffRoles.Admin], "test");

        for (var i = 0; i < 5; i++) staff.Accounts.CheckPassword("admin", "guess " + i, "203.0.113.66");

        Assert.That(staff.Accounts.CheckPassword("admin", Password, "203.0.113.66").Outcome, Is.EqualTo(SignInOutcome.LockedOut), "even the right password, from the stranger's address");
        Assert.That(staff.Accounts.CheckPassword("admin", Password, "10.0.0.5").Outcome, Is.EqualTo(SignInOutcome.Succeeded), "the owner, elsewhere");
    }

    [Test]
    public void UnknownUserName_IsAnsweredAndLockedLikeAKnownOne()
    {
        using var staff = new StaffFixture(new StaffOptions { LockoutThreshold = 3 });
        staff.Accounts.Create("igor", Password, [StaffRoles.Agent], "test");

        var known = Enumerable.Range(0, 4).Select(i => staff.Accounts.CheckPassword("igor", "wrong " + i, "198.51.100.1").Outcome).ToList();
        var unknown = Enumerable.Range(0, 4).Select(i => staff.Accounts.CheckPassword("nobody", "wrong " + i, "198.51.100.1").Outcome).ToList();

        Assert.That(unknown, Is.EqualTo(known));
        Assert.That(known, Is.EqualTo(new[] { SignInOutcome.Failed, SignInOutcome.Failed, SignInOutcome.LockedOut, SignInOutcome.LockedOut }));
    }

    [Test]
    public void RepeatedLockouts_LastLonger()
    {
        using var staff = new StaffFixture(new StaffOptions { LockoutThreshold = 2, LockoutDuration = TimeSpan.FromMinutes(10) });
        staff.Accounts.Create("igor", Password, [StaffRoles.Agent], "test");
        void LockOut() { for (var i = 0; i < 2; i++) staff.Accounts.CheckPassword("igor", "wrong", "198.51.100.1"); }

        LockOut();
        staff.Clock.Advance(TimeSpan.FromMinutes(11));
        LockOut();   // the second lockout: 20 minutes
        staff.Clock.Advance(TimeSpan.FromMinutes(11));

        Assert.That(staff.Accounts.CheckPassword("igor", Password, "198.51.100.1").Outcome, Is.EqualTo(SignInOutcome.LockedOut));
        staff.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.That(staff.Accounts.CheckPassword("igor", Password, "198.51.100.1").Outcome, Is.EqualTo(SignInOutcome.Succeeded));
    }

    [Test]
    public void PasswordChange_EndsTheTokensIssuedBefore_NotThoseAfter()
    {
        using var staff = new StaffFixture();
        staff.Accounts.Create("igor", Password, [StaffRoles.Agent], "test");
        var before = staff.Tokens.Issue("igor", "crm", lifetime: null, "test");
        var stamp = staff.Accounts.Find("igor")!.SecurityStamp;
        staff.Clock.Advance(TimeSpan.FromSeconds(1));

        staff.Accounts.SetPassword("igor", "a brand new password", "igor");
        staff.Clock.Advance(TimeSpan.FromSeconds(1));
        var after = staff.Tokens.Issue("igor", "crm", lifetime: null, "test");

        Assert.That(staff.Tokens.Authenticate(before), Is.Null);
        Assert.That(staff.Tokens.Authenticate(after)?.UserName, Is.EqualTo("igor"));
        Assert.That(staff.Accounts.Find("igor")!.SecurityStamp, Is.Not.EqualTo(stamp), "the cookies of before end too");
    }

    [Test]
    public void ASuccessfulSignIn_ResetsTheFailureCount()
    {
        using var staff = new StaffFixture(new StaffOptions { LockoutThreshold = 3 });
        staff.Accounts.Create("igor", Password, [StaffRoles.Agent], "test");
        staff.Accounts.CheckPassword("igor", "wrong", null);
        staff.Accounts.CheckPassword("igor", "wrong", null);
        staff.Accounts.CheckPassword("igor", Password, null);

        Assert.That(staff.Accounts.CheckPassword("igor", "wrong", null).Outcome, Is.EqualTo(SignInOutcome.Failed));
    }

    [Test]
    public void UnknownUser_FailsLikeAWrongPassword_AndEveryAttemptIsAudited()
    {
        using var staff = new StaffFixture();
        Assert.That(staff.Accounts.CheckPassword("nobody", Password, "10.0.0.1").Outcome, Is.EqualTo(SignInOutcome.Failed));

        var entry = staff.Audit.Recent(10).Single();
        Assert.That((entry.Actor, entry.Action, entry.RemoteAddress), Is.EqualTo(("nobody", "signin.failed", "10.0.0.1")));
    }

    [Test]
    public void SetPassword_EndsALockout()
    {
        using var staff = new StaffFixture(new StaffOptions { LockoutThreshold = 1 });
        staff.Accounts.Create("igor", Password, [StaffRoles.Agent], "test");
        staff.Accounts.CheckPassword("igor", "wrong", null);

        staff.Accounts.SetPassword("igor", "a brand new password", "admin");
        Assert.That(staff.Accounts.CheckPassword("igor", "a brand new password", null).Outcome, Is.EqualTo(SignInOutcome.Succeeded));
    }

    [Test]
    public void AnyAdmin_IsTrueOnlyOnceAnAdminExists()
    {
        using var staff = new StaffFixture();
        staff.Accounts.Create("agent", Password, [StaffRoles.Agent], "test");
        Assert.That(staff.Accounts.AnyAdmin(), Is.False);
        staff.Accounts.Create("root", Password, [StaffRoles.Admin], "test");
        Assert.That(staff.Accounts.AnyAdmin(), Is.True);
    }
}
