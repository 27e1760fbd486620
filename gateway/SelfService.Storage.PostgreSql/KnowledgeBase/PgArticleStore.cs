using Npgsql;
using SelfService.Storage.KnowledgeBase;

namespace SelfService.Storage.PostgreSql.KnowledgeBase;

/// <summary>
/// The knowledge base. A workflow step holds the article's advisory lock (the article may have no row yet) while it reads,
/// decides and writes, so of editors on several gateways acting on one article at once, each sees the others' writes.
/// </summary>
internal sealed class PgArticleStore(PgDatabase database) : IArticleStore
{
    public Task<StoredArticle?> GetAsync(string articleId, CancellationToken cancellationToken) =>
        database.ReadAsync(connection => Sql.DocumentAsync<StoredArticle>(connection, "SELECT doc FROM kb_articles WHERE id = @id", cancellationToken,
            ("id", articleId)), cancellationToken);

    public Task<IReadOnlyList<StoredArticle>> ListAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<StoredArticle>>(async connection =>
            await Sql.DocumentsAsync<StoredArticle>(connection, "SELECT doc FROM kb_articles ORDER BY id", cancellationToken), cancellationToken);

    public Task<StoredArticleVersion?> GetVersionAsync(string articleId, int number, CancellationToken cancellationToken) =>
        database.ReadAsync(connection => Sql.DocumentAsync<StoredArticleVersion>(connection,
            "SELECT doc FROM kb_article_versions WHERE article_id = @article AND number = @number", cancellationToken, ("article", articleId), ("number", number)),
            cancellationToken);

    public Task<IReadOnlyList<StoredArticleVersion>> VersionsAsync(string articleId, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<StoredArticleVersion>>(async connection => await VersionsOfAsync(connection, articleId, cancellationToken), cancellationToken);

    private static Task<List<StoredArticleVersion>> VersionsOfAsync(NpgsqlConnection connection, string articleId, CancellationToken cancellationToken) =>
        Sql.DocumentsAsync<StoredArticleVersion>(connection, "SELECT doc FROM kb_article_versions WHERE article_id = @article ORDER BY number",
            cancellationToken, ("article", articleId));

    public Task<IReadOnlyList<StoredArticleTransition>> TransitionsAsync(string articleId, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<StoredArticleTransition>>(async connection => await Sql.ListAsync(connection,
            "SELECT id, doc FROM kb_article_transitions WHERE article_id = @article ORDER BY id", r =>
            {
                var step = Documents.Read<StoredArticleTransition>(r.GetString(1));
                step.Id = r.GetInt32(0);
                return step;
            }, cancellationToken, ("article", articleId)), cancellationToken);

    public Task<IReadOnlyList<StoredArticleVersion>> ListLiveAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<StoredArticleVersion>>(async connection => await Sql.DocumentsAsync<StoredArticleVersion>(connection, """
            SELECT v.doc FROM kb_articles a JOIN kb_article_versions v ON v.article_id = a.id AND v.number = a.live_version
            WHERE a.live_version > 0 ORDER BY a.id
            """, cancellationToken), cancellationToken);

    public Task<bool> IsEmptyAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(connection => Sql.ScalarAsync<bool>(connection, "SELECT NOT EXISTS (SELECT 1 FROM kb_articles)", cancellationToken), cancellationToken);

    public Task<T> ChangeAsync<T>(string articleId, Func<ArticleRecord, ArticleStep<T>> decide, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            await Sql.LockAsync(connection, LockSpace.Article, articleId, cancellationToken);
            var article = await Sql.DocumentAsync<StoredArticle>(connection, "SELECT doc FROM kb_articles WHERE id = @id", cancellationToken, ("id", articleId));
            var step = decide(new ArticleRecord(article, await VersionsOfAsync(connection, articleId, cancellationToken)));
            if (step.Article is null) return step.Result;
            if (step.Article.Id != articleId) throw new InvalidOperationException($"A step of article '{articleId}' wrote article '{step.Article.Id}'.");
            if (step.NewVersion is { } version)
                await Sql.ExecuteAsync(connection, "INSERT INTO kb_article_versions (id, article_id, number, doc) VALUES (@id, @article, @number, @doc)",
                    cancellationToken, ("id", version.Id), ("article", version.ArticleId), ("number", version.Number), ("doc", Documents.Of(version)));
            await Sql.ExecuteAsync(connection, """
                INSERT INTO kb_articles (id, live_version, doc) VALUES (@id, @live, @doc)
                ON CONFLICT (id) DO UPDATE SET live_version = EXCLUDED.live_version, doc = EXCLUDED.doc
                """, cancellationToken, ("id", articleId), ("live", step.Article.LiveVersion), ("doc", Documents.Of(step.Article)));
            if (step.Transition is { } transition)
                await Sql.ExecuteAsync(connection, "INSERT INTO kb_article_transitions (article_id, doc) VALUES (@article, @doc)", cancellationToken,
                    ("article", transition.ArticleId), ("doc", Documents.Of(transition)));
            return step.Result;
        }, cancellationToken);
}
