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
