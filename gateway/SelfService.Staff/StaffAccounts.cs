using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SelfService.Storage.Staff;

namespace SelfService.Staff;

/// <summary>
/// Staff accounts: creating them, checking passwords with lockout after repeated failures, and roles.
/// Every sign-in attempt, success or not, is written to the audit trail.
/// </summary>
/// <remarks>
/// Lockout is per user name AND client address, so a stranger's wrong passwords lock out the stranger, not the admin
/// signing in from elsewhere; each further lockout of the same pair lasts twice as long (up to a day). Unknown user
/// names are counted and locked exactly like known ones, so the answers do not tell which names exist. The counters
/// are in memory, per gateway (a restart forgets them); the accounts themselves are in the store, changed atomically.
/// </remarks>
public sealed class StaffAccounts : IDisposable
{
    private readonly IStaffAccountStore _accounts;
    private readonly PasswordHasher<StaffAccount> _hasher = new();
    private readonly AuditTrail _audit;
    private readonly StaffOptions _options;
    private readonly TimeProvider _time;

    // Password checks run one at a time, and hold the failure counters while they do: a burst of guesses from one
    // (name, address) pair cannot all be verified before the first failures lock the pair.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, FailedSignIns> _failures = new(StringComparer.Ordinal);

    public StaffAccounts(IStaffAccountStore accounts, AuditTrail audit, IOptions<StaffOptions> options, TimeProvider time)
    {
        _accounts = accounts;
        _audit = audit;
        _options = options.Value;
        _time = time;
    }

    public Task<StaffAccount?> FindAsync(string userName, CancellationToken cancellationToken) =>
        _accounts.FindByUserNameAsync(Normalize(userName), cancellationToken);

    public Task<StaffAccount?> GetAsync(string id, CancellationToken cancellationToken) => _accounts.GetAsync(id, cancellationToken);

    public Task<IReadOnlyList<StaffAccount>> ListAsync(CancellationToken cancellationToken) => _accounts.ListAsync(cancellationToken);

    public Task<bool> AnyAdminAsync(CancellationToken cancellationToken) => _accounts.AnyEnabledWithRoleAsync(StaffRoles.Admin, cancellationToken);

    /// <summary>Creates an account; throws <see cref="StaffAccountException"/> naming what is wrong.</summary>
    public async Task<StaffAccount> CreateAsync(string userName, string password, IEnumerable<string> roles, string actor,
        string? displayName = null, IEnumerable<string>? languages = null, IEnumerable<string>? groups = null,
        string? clientAddress = null, CancellationToken cancellationToken = default)
    {
        var name = Normalize(userName);
        var roleList = roles.Select(r => r.Trim().ToLowerInvariant()).Distinct().ToList();
        var problems = new List<string>();
        if (name.Length is 0 or > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@'))
            problems.Add("The user name must be 1-64 letters, digits, '.', '-', '_' or '@'.");
        problems.AddRange(PasswordProblems(password));
        if (roleList.Count == 0) problems.Add("Give at least one role: " + string.Join(", ", StaffRoles.All) + ".");
        problems.AddRange(roleList.Where(r => !StaffRoles.IsKnown(r)).Select(r => $"'{r}' is not a role; roles are {string.Join(", ", StaffRoles.All)}."));
        if (problems.Count > 0) throw new StaffAccountException(problems);

        var account = new StaffAccount
        {
            Id = Guid.CreateVersion7().ToString("N"), UserName = name, DisplayName = string.IsNullOrWhiteSpace(displayName) ? name : displayName.Trim(),
            SecurityStamp = NewSecurityStamp(),
            Roles = roleList, Languages = [.. (languages ?? ["ru", "en"]).Select(l => l.Trim().ToLowerInvariant())],
            Groups = [.. (groups ?? []).Select(g => g.Trim().ToLowerInvariant()).Where(g => g.Length > 0)],
            CreatedAt = _time.GetUtcNow(),
        };
        account.PasswordHash = _hasher.HashPassword(account, password);
        // The store checks the name and adds the account in one step: of two creating the same name at once, one gets it.
        if (!await _accounts.AddAsync(account, cancellationToken)) throw new StaffAccountException([$"'{name}' exists already."]);
        await _audit.RecordAsync(actor, "staff.create", name, "roles: " + string.Join(",", roleList), clientAddress);
        return account;
    }

    public async Task SetPasswordAsync(string userName, string password, string actor, CancellationToken cancellationToken)
    {
        var problems = PasswordProblems(password).ToList();
        if (problems.Count > 0) throw new StaffAccountException(problems);
        var account = await FindAsync(userName, cancellationToken) ?? throw new StaffAccountException([$"No account '{userName}'."]);
        // Hashed here, not inside the store's change: the change may run on the store's one writer.
        var hash = _hasher.HashPassword(account, password);
        var stamp = NewSecurityStamp();
        var now = _time.GetUtcNow();
        _ = await _accounts.UpdateAsync(account.Id, a =>
        {
            a.PasswordHash = hash;
            a.FailedSignIns = 0;
            a.LockedUntil = null;
            a.SecurityStamp = stamp;
            a.PasswordChangedAt = now;
        }, cancellationToken) ?? throw new StaffAccountException([$"No account '{userName}'."]);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            foreach (var key in _failures.Keys.Where(k => k.StartsWith(account.UserName + "|", StringComparison.Ordinal)).ToList()) _failures.Remove(key);
        }
        finally
        {
            _gate.Release();
        }
        await _audit.RecordAsync(actor, "staff.password", account.UserName, null, null);
    }

    /// <summary>
    /// Checks a password. After <see cref="StaffOptions.LockoutThreshold"/> failures in a row the account is locked
    /// for <see cref="StaffOptions.LockoutDuration"/>, whatever is typed, so guessing gets nowhere.
    /// </summary>
    public async Task<SignInResult> CheckPasswordAsync(string userName, string password, string? remoteAddress, CancellationToken cancellationToken)
    {
        var name = Normalize(userName);
        SignInResult result;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            result = await CheckAsync(name, password, name + "|" + (remoteAddress ?? ""), cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
        await _audit.RecordAsync(name, result.Succeeded ? "signin" : "signin.failed", name, result.Outcome.ToString(), remoteAddress);
        return result;
    }

    private async Task<SignInResult> CheckAsync(string name, string password, string failureKey, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        _failures.TryGetValue(failureKey, out var failures);
        if (failures?.LockedUntil > now) return new SignInResult(SignInOutcome.LockedOut, null);

        var account = await _accounts.FindByUserNameAsync(name, cancellationToken);
        if (account is null)
        {
            // Spend the same effort as a real check, so timing does not tell which user names exist.
            _hasher.VerifyHashedPassword(new StaffAccount(), DummyHash, password);
            return Failed(failureKey, now);
        }
        if (account.Disabled) return new SignInResult(SignInOutcome.Disabled, null);

        var verdict = _hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed) return Failed(failureKey, now);
        _failures.Remove(failureKey);

        var verified = account.PasswordHash;
        var rehashed = verdict == PasswordVerificationResult.SuccessRehashNeeded ? _hasher.HashPassword(account, password) : null;
        var updated = await _accounts.UpdateAsync(account.Id, a =>
        {
            // A password set meanwhile is not overwritten by the rehash of the old one.
            if (rehashed is not null && a.PasswordHash == verified) a.PasswordHash = rehashed;
            a.FailedSignIns = 0;
            a.LockedUntil = null;
            a.LastSignInAt = now;
        }, cancellationToken);
        return updated is null ? Failed(failureKey, now) : new SignInResult(SignInOutcome.Succeeded, updated);
    }

    /// <summary>Ends every sign-in cookie of the account (its sessions on every device); API tokens are left alone.</summary>
    public async Task EndCookieSessionsAsync(string userName, CancellationToken cancellationToken)
    {
        if (await FindAsync(userName, cancellationToken) is not { } account) return;
        var stamp = NewSecurityStamp();
        await _accounts.UpdateAsync(account.Id, a => a.SecurityStamp = stamp, cancellationToken);
    }

    public void Dispose() => _gate.Dispose();

    private static string NewSecurityStamp() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    private SignInResult Failed(string failureKey, DateTimeOffset now)
    {
        if (_failures.Count >= MaxTrackedPairs)
            foreach (var stale in _failures.Where(f => f.Value.LockedUntil <= now).Select(f => f.Key).ToList()) _failures.Remove(stale);
        if (!_failures.TryGetValue(failureKey, out var failures)) _failures[failureKey] = failures = new FailedSignIns();
        failures.Count++;
        if (failures.Count < _options.LockoutThreshold) return new SignInResult(SignInOutcome.Failed, null);
        var duration = _options.LockoutDuration * Math.Pow(2, Math.Min(failures.Lockouts, 10));
        failures.LockedUntil = now + (duration < MaxLockout ? duration : MaxLockout);
        failures.Lockouts++;
        failures.Count = 0;
        return new SignInResult(SignInOutcome.LockedOut, null);
    }

    private static readonly TimeSpan MaxLockout = TimeSpan.FromDays(1);

    /// <summary>Past this many (name, address) pairs, those not locked are forgotten: guessing from many addresses cannot fill memory.</summary>
    private const int MaxTrackedPairs = 100_000;

    private sealed class FailedSignIns
    {
        public int Count { get; set; }
        public int Lockouts { get; set; }
        public DateTimeOffset LockedUntil { get; set; }
    }

    private IEnumerable<string> PasswordProblems(string password)
    {
        if (string.IsNullOrEmpty(password) || password.Length < _options.MinimumPasswordLength)
            yield return $"The password must have at least {_options.MinimumPasswordLength} characters.";
        else if (password.Distinct().Count() < 4)
            yield return "The password is too simple.";
    }

    private static string Normalize(string userName) => (userName ?? "").Trim().ToLowerInvariant();

    private static readonly string DummyHash = new PasswordHasher<StaffAccount>().HashPassword(new StaffAccount(), Guid.NewGuid().ToString());
}

/// <summary>An account could not be created or changed; <see cref="Problems"/> says why, each in a sentence.</summary>
public sealed class StaffAccountException(IReadOnlyList<string> problems) : Exception(string.Join(" ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
