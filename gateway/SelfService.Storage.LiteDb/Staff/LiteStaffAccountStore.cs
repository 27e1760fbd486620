using LiteDB;
using SelfService.Storage.Staff;

namespace SelfService.Storage.LiteDb.Staff;

/// <summary>Staff accounts in "staff_accounts" (the collection and fields the gateway used before the port).</summary>
internal sealed class LiteStaffAccountStore : IStaffAccountStore
{
    public const string Collection = "staff_accounts";

    private readonly ILiteCollection<StaffAccount> _accounts;
    private readonly GroupCommitWriter _writer;

    public LiteStaffAccountStore(ILiteDatabase database, GroupCommitWriter writer)
    {
        _writer = writer;
        _accounts = database.GetCollection<StaffAccount>(Collection);
        _accounts.EnsureIndex(a => a.UserName, unique: true);
        _accounts.EnsureIndex("roles", "$." + nameof(StaffAccount.Roles) + "[*]", unique: false);
    }

    public Task<StaffAccount?> GetAsync(string accountId, CancellationToken cancellationToken) =>
        Task.FromResult<StaffAccount?>(_accounts.FindById(accountId));

    public Task<StaffAccount?> FindByUserNameAsync(string userName, CancellationToken cancellationToken) =>
        Task.FromResult<StaffAccount?>(_accounts.FindOne(Filters.Equal(nameof(StaffAccount.UserName), userName)));

    public Task<IReadOnlyList<StaffAccount>> ListAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<StaffAccount> all = _accounts.Query().OrderBy(a => a.UserName).ToList();
        return Task.FromResult(all);
    }

    public Task<bool> AnyEnabledWithRoleAsync(string role, CancellationToken cancellationToken) =>
        Task.FromResult(_accounts.Find(Filters.Holds(nameof(StaffAccount.Roles), role)).Any(a => !a.Disabled));

    public Task<bool> AddAsync(StaffAccount account, CancellationToken cancellationToken) =>
        _writer.WriteAsync(db =>
        {
            // Checked first, in the same commit: a unique-index violation would roll back the writes batched with this one.
            var accounts = db.GetCollection<StaffAccount>(Collection);
            if (accounts.Exists(Filters.Equal(nameof(StaffAccount.UserName), account.UserName)) || accounts.FindById(account.Id) is not null) return false;
            accounts.Insert(account);
            return true;
        }, cancellationToken);

    public Task<StaffAccount?> UpdateAsync(string accountId, Action<StaffAccount> change, CancellationToken cancellationToken) =>
        _writer.WriteAsync(db =>
        {
            var accounts = db.GetCollection<StaffAccount>(Collection);
            var account = accounts.FindById(accountId);
            if (account is null) return null;
            change(account);
            accounts.Update(account);
            return account;
        }, cancellationToken);
}
