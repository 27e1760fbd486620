using SelfService.Storage.Staff;

namespace SelfService.Storage.PostgreSql.Staff;

/// <summary>API token hashes. Revoking is one conditional update: of twenty at once, one finds the token not revoked yet.</summary>
internal sealed class PgApiTokenStore(PgDatabase database) : IApiTokenStore
{
    public Task AddAsync(ApiToken token, CancellationToken cancellationToken) =>
        database.WriteAsync(connection => Sql.ExecuteAsync(connection, """
            INSERT INTO api_tokens (id, hash, account_id, revoked, created_at, doc) VALUES (@id, @hash, @account, @revoked, @created, @doc)
            """, cancellationToken, ("id", token.Id), ("hash", token.Hash), ("account", token.AccountId), ("revoked", token.Revoked), ("created", token.CreatedAt),
            ("doc", Documents.Of(token))), cancellationToken);

    public Task<ApiToken?> GetAsync(string tokenId, CancellationToken cancellationToken) =>
        database.ReadAsync(connection => Sql.DocumentAsync<ApiToken>(connection, "SELECT doc FROM api_tokens WHERE id = @id", cancellationToken, ("id", tokenId)),
            cancellationToken);

    public Task<ApiToken?> FindByHashAsync(string hash, CancellationToken cancellationToken) =>
        database.ReadAsync(connection => Sql.DocumentAsync<ApiToken>(connection, "SELECT doc FROM api_tokens WHERE hash = @hash", cancellationToken, ("hash", hash)),
            cancellationToken);

    public Task<IReadOnlyList<ApiToken>> ForAccountAsync(string accountId, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<ApiToken>>(async connection => await Sql.DocumentsAsync<ApiToken>(connection,
            "SELECT doc FROM api_tokens WHERE account_id = @account ORDER BY created_at, id", cancellationToken, ("account", accountId)), cancellationToken);

    public Task<ApiToken?> RevokeAsync(string tokenId, CancellationToken cancellationToken) =>
        database.WriteAsync(connection => Sql.DocumentAsync<ApiToken>(connection, """
            UPDATE api_tokens SET revoked = true, doc = jsonb_set(doc, '{Revoked}', 'true') WHERE id = @id AND NOT revoked RETURNING doc
            """, cancellationToken, ("id", tokenId)), cancellationToken);
}
