using LiteDB;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace SelfService.Staff;

/// <summary>
/// Staff accounts: creating them, checking passwords with lockout after repeated failures, and roles.
/// Every sign-in attempt, success or not, is written to the audit trail.
/// </summary>
/// <remarks>
/// Lockout is per user name AND client address, so a stranger's wrong passwords lock out the stranger, not the admin
/// signing in from elsewhere; each further lockout of the same pair lasts twice as long (up to a day). Unknown user
/// names are counted and locked exactly like known ones, so the answers do not tell which names exist. The counters
/// are in memory (single instance; a restart forgets them).
/// </remarks>
public sealed class StaffAccounts
{
    private readonly ILiteCollection<StaffAccount> _accounts;
    private readonly PasswordHasher<StaffAccount> _hasher = new();
    private readonly AuditTrail _audit;
    private readonly StaffOptions _options;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, FailedSignIns> _failures = new(StringComparer.Ordinal);

    public StaffAccounts(ILiteDatabase database, AuditTrail audit, IOptions<StaffOptions> options, TimeProvider time)
    {
        _accounts = database.GetCollection<StaffAccount>("staff_accounts");
        _accounts.EnsureIndex(a => a.UserName, unique: true);
        _audit = audit;
        _options = options.Value;
        _time = time;
    }

    public StaffAccount? Find(string userName) => _accounts.FindOne(a => a.UserName == Normalize(userName));

    public StaffAccount? Get(string id) => _accounts.FindById(id);

    public IReadOnlyList<StaffAccount> List() => _accounts.Query().OrderBy(a => a.UserName).ToList();

    public bool AnyAdmin() => _accounts.Find(a => !a.Disabled).Any(a => a.Roles.Contains(StaffRoles.Admin));

    /// <summary>Creates an account; throws <see cref="StaffAccountException"/> naming what is wrong.</summary>
    public StaffAccount Create(string userName, string password, IEnumerable<string> roles, string actor,
        string? displayName = null, IEnumerable<string>? languages = null, IEnumerable<string>? groups = null)
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
        lock (_gate)
        {
            if (Find(name) is not null) throw new StaffAccountException([$"'{name}' exists already."]);
            _accounts.Insert(account);
        }
        _audit.Record(actor, "staff.create", name, "roles: " + string.Join(",", roleList));
        return account;
    }

    public void SetPassword(string userName, string password, string actor)
    {
        var problems = PasswordProblems(password).ToList();
        if (problems.Count > 0) throw new StaffAccountException(problems);
        lock (_gate)
        {
            var account = Find(userName) ?? throw new StaffAccountException([$"No account '{userName}'."]);
            account.PasswordHash = _hasher.HashPassword(account, password);
            account.FailedSignIns = 0;
            account.LockedUntil = null;
            account.SecurityStamp = NewSecurityStamp();
            account.PasswordChangedAt = _time.GetUtcNow();
            _accounts.Update(account);
            foreach (var key in _failures.Keys.Where(k => k.StartsWith(account.UserName + "|", StringComparison.Ordinal)).ToList()) _failures.Remove(key);
        }
        _audit.Record(actor, "staff.password", Normalize(userName), null);
    }

    /// <summary>
    /// Checks a password. After <see cref="StaffOptions.LockoutThreshold"/> failures in a row the account is locked
    /// for <see cref="StaffOptions.LockoutDuration"/>, whatever is typed, so guessing gets nowhere.
    /// </summary>
    public SignInResult CheckPassword(string userName, string password, string? remoteAddress)
    {
        var name = Normalize(userName);
        SignInResult result;
        lock (_gate)
        {
            result = Check(name, password, name + "|" + (remoteAddress ?? ""));
        }
        _audit.Record(name, result.Succeeded ? "signin" : "signin.failed", name, result.Outcome.ToString(), remoteAddress);
        return result;
    }

    private SignInResult Check(string name, string password, string failureKey)
    {
        var now = _time.GetUtcNow();
        _failures.TryGetValue(failureKey, out var failures);
        if (failures?.LockedUntil > now) return new SignInResult(SignInOutcome.LockedOut, null);

        var account = Find(name);
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

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded) account.PasswordHash = _hasher.HashPassword(account, password);
        account.FailedSignIns = 0;
        account.LockedUntil = null;
        account.LastSignInAt = now;
        _accounts.Update(account);
        return new SignInResult(SignInOutcome.Succeeded, account);
    }

    /// <summary>Ends every sign-in cookie of the account (its sessions on every device); API tokens are left alone.</summary>
    public void EndCookieSessions(string userName)
    {
        lock (_gate)
        {
            if (Find(userName) is not { } account) return;
            account.SecurityStamp = NewSecurityStamp();
            _accounts.Update(account);
        }
    }

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
