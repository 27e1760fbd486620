using System.Security.Cryptography;
using System.Text;
using SelfService.Storage.Staff;

namespace SelfService.Staff;

/// <summary>
/// Issues and checks API tokens. A token is "sst_" and 32 random bytes (base64url); the store keeps its SHA-256,
/// so a copy of the database does not hand out working tokens. A token acts with its account's roles at the time of use.
/// </summary>
public sealed class ApiTokens(IApiTokenStore tokens, StaffAccounts accounts, AuditTrail audit, TimeProvider time)
{
    public const string Prefix = "sst_";

    /// <summary>Returns the token text: shown once, to the person who asked for it.</summary>
    /// <param name="clientAddress">Where the request came from, for the audit trail (null from the command line).</param>
    public async Task<string> IssueAsync(string userName, string label, TimeSpan? lifetime, string actor, string? clientAddress,
        CancellationToken cancellationToken)
    {
        var account = await accounts.FindAsync(userName, cancellationToken) ?? throw new StaffAccountException([$"No account '{userName}'."]);
        var token = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        await tokens.AddAsync(new ApiToken
        {
            Id = Guid.CreateVersion7().ToString("N"), Hash = Hash(token), AccountId = account.Id, Label = label,
            CreatedAt = now, ExpiresAt = lifetime is { } l ? now + l : null,
        }, cancellationToken);
        await audit.RecordAsync(actor, "token.issue", account.UserName, label, clientAddress);
        return token;
    }

    /// <summary>The account a token acts for, or null when it is unknown, revoked, expired or its account disabled.</summary>
    public async Task<StaffAccount?> AuthenticateAsync(string token, CancellationToken cancellationToken)
    {
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 128) return null;
        // The lookup is by hash, so comparing is an index seek on a value an attacker cannot aim at.
        var record = await tokens.FindByHashAsync(Hash(token), cancellationToken);
        if (record is null || record.Revoked || record.ExpiresAt <= time.GetUtcNow()) return null;
        var account = await accounts.GetAsync(record.AccountId, cancellationToken);
        if (account?.PasswordChangedAt is { } changed && record.CreatedAt < changed) return null;   // issued under the old password
        return account is { Disabled: false } ? account : null;
    }

    public Task<IReadOnlyList<ApiToken>> ForAccountAsync(string accountId, CancellationToken cancellationToken) =>
        tokens.ForAccountAsync(accountId, cancellationToken);

    public Task<ApiToken?> GetAsync(string tokenId, CancellationToken cancellationToken) => tokens.GetAsync(tokenId, cancellationToken);

    /// <summary>False when the token is unknown or was revoked already; a revocation is audited once.</summary>
    public async Task<bool> RevokeAsync(string tokenId, string actor, string? clientAddress, CancellationToken cancellationToken)
    {
        var revoked = await tokens.RevokeAsync(tokenId, cancellationToken);
        if (revoked is null) return false;
        var owner = await accounts.GetAsync(revoked.AccountId, cancellationToken);
        await audit.RecordAsync(actor, "token.revoke", owner?.UserName ?? revoked.AccountId, revoked.Label, clientAddress);
        return true;
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
