using SelfService.Storage.Staff;

namespace SelfService.Storage.Contract;

/// <summary>Staff accounts and API tokens: unique user names, atomic changes, lookups by hash, revocation once.</summary>
public abstract class StaffContract : StorageContract
{
    [Test]
    public async Task Account_FoundByIdAndByUserName_WithEveryField()
    {
        var olga = Account("a1", "olga", "editor", "admin");
        olga.Languages = ["ru"];
        olga.Groups = ["billing"];
        olga.PasswordChangedAt = T0.AddDays(-1);
        Assert.That(await Store.StaffAccounts.AddAsync(olga, None), Is.True);

        var byId = (await Store.StaffAccounts.GetAsync("a1", None))!;
        var byName = (await Store.StaffAccounts.FindByUserNameAsync("olga", None))!;
        Assert.That(byName.Id, Is.EqualTo("a1"));
        Assert.That((byId.UserName, byId.DisplayName, byId.PasswordHash, byId.SecurityStamp), Is.EqualTo(("olga", "Olga", "hash-of-olga", "stamp")));
        Assert.That((byId.Roles, byId.Languages, byId.Groups), Is.EqualTo((new[] { "editor", "admin" }, new[] { "ru" }, new[] { "billing" })));
        Assert.That((byId.CreatedAt, byId.PasswordChangedAt, byId.LastSignInAt), Is.EqualTo((T0, (DateTimeOffset?)T0.AddDays(-1), (DateTimeOffset?)null)));
        Assert.That(await Store.StaffAccounts.FindByUserNameAsync("igor", None), Is.Null);
        Assert.That(await Store.StaffAccounts.GetAsync("a2", None), Is.Null);
    }

    [Test]
    public async Task Account_SecondWithTheSameUserName_IsRefusedAndTheFirstKept()
    {
        await Store.StaffAccounts.AddAsync(Account("a1", "igor", "agent"), None);

        var second = await Store.StaffAccounts.AddAsync(Account("a2", "igor", "admin"), None);

        Assert.That(second, Is.False);
        Assert.That((await Store.StaffAccounts.FindByUserNameAsync("igor", None))!.Id, Is.EqualTo("a1"));
        Assert.That(await Store.StaffAccounts.GetAsync("a2", None), Is.Null);
        Assert.That(await Store.StaffAccounts.AnyEnabledWithRoleAsync("admin", None), Is.False);
    }

    [Test]
    public async Task Account_TwentyAddingTheSameNameAtOnce_ExactlyOneIsStored()
    {
        var added = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => Store.StaffAccounts.AddAsync(Account("a" + i, "igor", "agent"), None))));

        Assert.That(added.Count(a => a), Is.EqualTo(1));
        Assert.That(await Store.StaffAccounts.ListAsync(None), Has.Count.EqualTo(1));
        Assert.That((await Store.StaffAccounts.FindByUserNameAsync("igor", None))!.Id, Is.EqualTo("a" + Array.IndexOf(added, true)));
    }

    [Test]
    public async Task Account_ListedByUserName()
    {
        foreach (var name in new[] { "zoe", "anna", "mike" }) await Store.StaffAccounts.AddAsync(Account(name, name, "agent"), None);

        Assert.That((await Store.StaffAccounts.ListAsync(None)).Select(a => a.UserName), Is.EqualTo(new[] { "anna", "mike", "zoe" }));
    }

    [Test]
    public async Task Account_UpdatedManyTimesAtOnce_LosesNoChange()
    {
        await Store.StaffAccounts.AddAsync(Account("a1", "igor", "agent"), None);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            Task.Run(() => Store.StaffAccounts.UpdateAsync("a1", a => a.FailedSignIns++, None))));

        Assert.That((await Store.StaffAccounts.GetAsync("a1", None))!.FailedSignIns, Is.EqualTo(20));
    }

    [Test]
    public async Task Account_Update_ReturnsTheStoredResult_AndNullForNoAccount()
    {
        await Store.StaffAccounts.AddAsync(Account("a1", "igor", "agent"), None);

        var updated = await Store.StaffAccounts.UpdateAsync("a1", a => a.SecurityStamp = "new", None);
        var missing = await Store.StaffAccounts.UpdateAsync("a2", a => a.SecurityStamp = "new", None);

        Assert.That(updated?.SecurityStamp, Is.EqualTo("new"));
        Assert.That(missing, Is.Null);
        Assert.That((await Store.StaffAccounts.GetAsync("a1", None))!.SecurityStamp, Is.EqualTo("new"));
    }

    [Test]
    public async Task AnyEnabledWithRole_CountsOnlyAccountsNotDisabled()
    {
        var admin = Account("a1", "root", "admin");
        admin.Disabled = true;
        await Store.StaffAccounts.AddAsync(admin, None);
        await Store.StaffAccounts.AddAsync(Account("a2", "igor", "agent"), None);
        Assert.That(await Store.StaffAccounts.AnyEnabledWithRoleAsync("admin", None), Is.False);

        await Store.StaffAccounts.UpdateAsync("a1", a => a.Disabled = false, None);

        Assert.That(await Store.StaffAccounts.AnyEnabledWithRoleAsync("admin", None), Is.True);
        Assert.That(await Store.StaffAccounts.AnyEnabledWithRoleAsync("reviewer", None), Is.False);
    }

    [Test]
    public async Task Account_AfterARestart_IsStillThere()
    {
        await Store.StaffAccounts.AddAsync(Account("a1", "igor", "agent"), None);

        await ReopenAsync();

        Assert.That((await Store.StaffAccounts.FindByUserNameAsync("igor", None))?.Id, Is.EqualTo("a1"));
        Assert.That(await Store.StaffAccounts.AddAsync(Account("a2", "igor", "agent"), None), Is.False, "the name is still taken");
    }

    [Test]
    public async Task Token_FoundByItsHashOnly()
    {
        await Store.ApiTokens.AddAsync(Token("t1", "a1", "HASH1", T0), None);
        await Store.ApiTokens.AddAsync(Token("t2", "a1", "HASH2", T0), None);

        Assert.That((await Store.ApiTokens.FindByHashAsync("HASH2", None))?.Id, Is.EqualTo("t2"));
        Assert.That(await Store.ApiTokens.FindByHashAsync("HASH3", None), Is.Null);
        Assert.That(await Store.ApiTokens.FindByHashAsync("hash1", None), Is.Null, "hashes compare exactly");
    }

    [Test]
    public async Task Token_ForAccount_OnlyItsOwnOldestFirst()
    {
        await Store.ApiTokens.AddAsync(Token("t2", "a1", "H2", T0.AddMinutes(2)), None);
        await Store.ApiTokens.AddAsync(Token("t1", "a1", "H1", T0.AddMinutes(1)), None);
        await Store.ApiTokens.AddAsync(Token("t3", "a2", "H3", T0), None);

        Assert.That((await Store.ApiTokens.ForAccountAsync("a1", None)).Select(t => t.Id), Is.EqualTo(new[] { "t1", "t2" }));
    }

    [Test]
    public async Task Token_RevokedTwice_OnlyTheFirstRevokes()
    {
        await Store.ApiTokens.AddAsync(Token("t1", "a1", "H1", T0), None);

        var first = await Store.ApiTokens.RevokeAsync("t1", None);
        var again = await Store.ApiTokens.RevokeAsync("t1", None);

        Assert.That(first?.Revoked, Is.True);
        Assert.That(again, Is.Null);
        Assert.That(await Store.ApiTokens.RevokeAsync("t9", None), Is.Null);
        Assert.That((await Store.ApiTokens.FindByHashAsync("H1", None))!.Revoked, Is.True);
    }

    [Test]
    public async Task Token_RevokedByTwentyAtOnce_ExactlyOneRevokes()
    {
        await Store.ApiTokens.AddAsync(Token("t1", "a1", "H1", T0), None);

        var revoked = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => Store.ApiTokens.RevokeAsync("t1", None))));

        Assert.That(revoked.Count(r => r is not null), Is.EqualTo(1));
    }

    [Test]
    public async Task Token_ExpiryAndRevocation_SurviveARestart()
    {
        var token = Token("t1", "a1", "H1", T0);
        token.ExpiresAt = T0.AddHours(1);
        await Store.ApiTokens.AddAsync(token, None);
        await Store.ApiTokens.RevokeAsync("t1", None);

        await ReopenAsync();

        var stored = (await Store.ApiTokens.GetAsync("t1", None))!;
        Assert.That((stored.Revoked, stored.ExpiresAt, stored.Label), Is.EqualTo((true, (DateTimeOffset?)T0.AddHours(1), "label of t1")));
    }

    private static StaffAccount Account(string id, string userName, params string[] roles) => new()
    {
        Id = id, UserName = userName, DisplayName = char.ToUpperInvariant(userName[0]) + userName[1..], PasswordHash = "hash-of-" + userName,
        SecurityStamp = "stamp", Roles = [.. roles], CreatedAt = T0,
    };

    private static ApiToken Token(string id, string accountId, string hash, DateTimeOffset createdAt) => new()
    {
        Id = id, AccountId = accountId, Hash = hash, Label = "label of " + id, CreatedAt = createdAt,
    };
}
