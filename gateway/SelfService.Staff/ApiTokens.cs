using System.Security.Cryptography;
using System.Text;
using LiteDB;

namespace SelfService.Staff;

/// <summary>
/// Issues and checks API tokens. A token is "sst_" and 32 random bytes (base64url); the store keeps its SHA-256,
/// so a copy of the database does not hand out working tokens. A token acts with its account's roles at the time of use.
/// </summary>
public sealed class ApiTokens
{
    public const string Prefix = "sst_";

    private readonly ILiteCollection<ApiToken> _tokens;
    private readonly StaffAccounts _accounts;
    private readonly AuditTrail _audit;
    private readonly TimeProvider _time;

    public ApiTokens(ILiteDatabase database, StaffAccounts accounts, AuditTrail audit, TimeProvider time)
    {
        _tokens = database.GetCollection<ApiToken>("staff_tokens");
        _tokens.EnsureIndex(t => t.Hash, unique: true);
        _accounts = accounts;
        _audit = audit;
        _time = time;
    }

    /// <summary>Returns the token text: shown once, to the person who asked for it.</summary>
    public string Issue(string userName, string label, TimeSpan? lifetime, string actor)
    {
        var account = _accounts.Find(userName) ?? throw new StaffAccountException([$"No account '{userName}'."]);
        var token = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = _time.GetUtcNow();
        _tokens.Insert(new ApiToken
        {
            Id = Guid.CreateVersion7().ToString("N"), Hash = Hash(token), AccountId = account.Id, Label = label,
            CreatedAt = now, ExpiresAt = lifetime is { } l ? now + l : null,
        });
        _audit.Record(actor, "token.issue", account.UserName, label);
        return token;
    }

    /// <summary>The account a token acts for, or null when it is unknown, revoked, expired or its account disabled.</summary>
    public StaffAccount? Authenticate(string token)
    {
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 128) return null;
        // The lookup is by hash, so comparing is an index seek on a value an attacker cannot aim at.
        var record = _tokens.FindOne(t => t.Hash == Hash(token));
        if (record is null || record.Revoked || record.ExpiresAt <= _time.GetUtcNow()) return null;
        var account = _accounts.Get(record.AccountId);
        if (account?.PasswordChangedAt is { } changed && record.CreatedAt < changed) return null;   // issued under the old password
        return account is { Disabled: false } ? account : null;
    }

    public IReadOnlyList<ApiToken> ForAccount(string accountId) => _tokens.Find(t => t.AccountId == accountId).ToList();

    public bool Revoke(string tokenId, string actor)
    {
        var record = _tokens.FindById(tokenId);
        if (record is null || record.Revoked) return false;
        record.Revoked = true;
        _tokens.Update(record);
        _audit.Record(actor, "token.revoke", record.AccountId, record.Label);
        return true;
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
