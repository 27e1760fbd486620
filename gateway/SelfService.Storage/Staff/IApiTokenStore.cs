namespace SelfService.Storage.Staff;

/// <summary>API tokens, as their hashes. A hash names one token; revoking is final.</summary>
public interface IApiTokenStore
{
    /// <summary>Durable when the task completes.</summary>
    Task AddAsync(ApiToken token, CancellationToken cancellationToken);

    Task<ApiToken?> GetAsync(string tokenId, CancellationToken cancellationToken);

    /// <summary>The token with this hash, revoked or not; null when none.</summary>
    Task<ApiToken?> FindByHashAsync(string hash, CancellationToken cancellationToken);

    /// <summary>The account's tokens, revoked and expired ones too, oldest first.</summary>
    Task<IReadOnlyList<ApiToken>> ForAccountAsync(string accountId, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the token revoked. Returns it when this call revoked it; null when it is unknown or was revoked before
    /// (of two revoking at once, one gets it, so the revocation is audited once).
    /// </summary>
    Task<ApiToken?> RevokeAsync(string tokenId, CancellationToken cancellationToken);
}
