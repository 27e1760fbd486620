using SelfService.Storage.Staff;

namespace SelfService.Storage.PostgreSql.Staff;

/// <summary>Staff accounts: the unique key on the user name refuses a second account of one name; a change locks the account's row.</summary>
internal sealed class PgStaffAccountStore(PgDatabase database) : IStaffAccountStore
{
    public Task<StaffAccount?> GetAsync(string accountId, CancellationToken cancellationToken) =>
        database.ReadAsync(connection => Sql.DocumentAsync<StaffAccount>(connection, "SELECT doc FROM staff_accounts WHERE id = @id", cancellationToken,
            ("id", accountId)), cancellationToken);

    public Task<StaffAccount?> FindByUserNameAsync(string userName, CancellationToken cancellationToken) =>
        database.ReadAsync(connection => Sql.DocumentAsync<StaffAccount>(connection, "SELECT doc FROM staff_accounts WHERE user_name = @name", cancellationToken,
            ("name", userName)), cancellationToken);

    public Task<IReadOnlyList<StaffAccount>> ListAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<StaffAccount>>(async connection =>
            await Sql.DocumentsAsync<StaffAccount>(connection, "SELECT doc FROM staff_accounts ORDER BY user_name", cancellationToken), cancellationToken);

    public Task<bool> AnyEnabledWithRoleAsync(string role, CancellationToken cancellationToken) =>
        database.ReadAsync(connection => Sql.ScalarAsync<bool>(connection,
            "SELECT EXISTS (SELECT 1 FROM staff_accounts WHERE roles @> ARRAY[@role] AND NOT disabled)", cancellationToken, ("role", role)), cancellationToken);

    public Task<bool> AddAsync(StaffAccount account, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection => await Sql.ExecuteAsync(connection, """
            INSERT INTO staff_accounts (id, user_name, roles, disabled, doc) VALUES (@id, @name, @roles, @disabled, @doc) ON CONFLICT DO NOTHING
            """, cancellationToken, ("id", account.Id), ("name", account.UserName), ("roles", account.Roles.ToArray()), ("disabled", account.Disabled),
            ("doc", Documents.Of(account))) == 1, cancellationToken);

    public Task<StaffAccount?> UpdateAsync(string accountId, Action<StaffAccount> change, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            var account = await Sql.DocumentAsync<StaffAccount>(connection, "SELECT doc FROM staff_accounts WHERE id = @id FOR UPDATE", cancellationToken,
                ("id", accountId));
            if (account is null) return null;
            change(account);
            await Sql.ExecuteAsync(connection, "UPDATE staff_accounts SET user_name = @name, roles = @roles, disabled = @disabled, doc = @doc WHERE id = @id",
                cancellationToken, ("id", accountId), ("name", account.UserName), ("roles", account.Roles.ToArray()), ("disabled", account.Disabled),
                ("doc", Documents.Of(account)));
            return account;
        }, cancellationToken);
}
