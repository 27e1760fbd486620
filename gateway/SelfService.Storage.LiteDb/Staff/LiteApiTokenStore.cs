using LiteDB;
using SelfService.Storage.Staff;

namespace SelfService.Storage.LiteDb.Staff;

/// <summary>API token hashes in "staff_tokens".</summary>
internal sealed class LiteApiTokenStore : IApiTokenStore
{
    public const string Collection = "staff_tokens";

    private readonly ILiteCollection<ApiToken> _tokens;
    private readonly GroupCommitWriter _writer;

    public LiteApiTokenStore(ILiteDatabase database, GroupCommitWriter writer)
    {
        _writer = writer;
        _tokens = database.GetCollection<ApiToken>(Collection);
        _tokens.EnsureIndex(t => t.Hash, unique: true);
        _tokens.EnsureIndex(t => t.AccountId);
    }

    public Task AddAsync(ApiToken token, CancellationToken cancellationToken) =>
        _writer.WriteAsync(db => db.GetCollection<ApiToken>(Collection).Insert(token), cancellationToken);

    public Task<ApiToken?> GetAsync(string tokenId, CancellationToken cancellationToken) =>
        Task.FromResult<ApiToken?>(_tokens.FindById(tokenId));

    public Task<ApiToken?> FindByHashAsync(string hash, CancellationToken cancellationToken) =>
        Task.FromResult<ApiToken?>(_tokens.FindOne(Filters.Equal(nameof(ApiToken.Hash), hash)));

    public Task<IReadOnlyList<ApiToken>> ForAccountAsync(string accountId, CancellationToken cancellationToken)
    {
        IReadOnlyList<ApiToken> found = [.. _tokens.Find(Filters.Equal(nameof(ApiToken.AccountId), accountId))
            .OrderBy(t => t.CreatedAt).ThenBy(t => t.Id, StringComparer.Ordinal)];
        return Task.FromResult(found);
    }

    public Task<ApiToken?> RevokeAsync(string tokenId, CancellationToken cancellationToken) =>
        _writer.WriteAsync(db =>
        {
            var tokens = db.GetCollection<ApiToken>(Collection);
            var token = tokens.FindById(tokenId);
            if (token is null || token.Revoked) return null;
            token.Revoked = true;
            tokens.Update(token);
            return token;
        }, cancellationToken);
}
