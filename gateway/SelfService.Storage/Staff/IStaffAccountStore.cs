namespace SelfService.Storage.Staff;

/// <summary>
/// Staff accounts. A user name belongs to one account (the caller normalizes it: lower case, trimmed); an account is
/// changed as one atomic step, so concurrent changes, from one gateway or several, never undo each other.
/// </summary>
public interface IStaffAccountStore
{
    Task<StaffAccount?> GetAsync(string accountId, CancellationToken cancellationToken);

    Task<StaffAccount?> FindByUserNameAsync(string userName, CancellationToken cancellationToken);

    /// <summary>Every account, by user name.</summary>
    Task<IReadOnlyList<StaffAccount>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Whether an account that is not disabled has <paramref name="role"/>.</summary>
    Task<bool> AnyEnabledWithRoleAsync(string role, CancellationToken cancellationToken);

    /// <summary>Stores a new account unless its user name is taken: false then, and nothing is stored. Durable when the task completes.</summary>
    Task<bool> AddAsync(StaffAccount account, CancellationToken cancellationToken);

    /// <summary>
    /// Reads the account as stored, lets <paramref name="change"/> change it and stores the result, with no other change
    /// to the account in between. Returns the account as stored after the change, or null when there is none.
    /// <paramref name="change"/> may run more than once: it only sets fields, from values computed before (never a
    /// password hash computed inside it: the store may hold others up meanwhile).
    /// </summary>
    Task<StaffAccount?> UpdateAsync(string accountId, Action<StaffAccount> change, CancellationToken cancellationToken);
}
