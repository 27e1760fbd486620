using LiteDB;
using SelfService.Storage.KnowledgeBase;

namespace SelfService.Storage.LiteDb.KnowledgeBase;

/// <summary>
/// The knowledge base in "kb_articles", "kb_article_versions" and "kb_article_transitions" (the collections and fields
/// the knowledge base used before the port).
/// </summary>
internal sealed class LiteArticleStore : IArticleStore
{
    public const string ArticlesCollection = "kb_articles";
    public const string VersionsCollection = "kb_article_versions";
    public const string TransitionsCollection = "kb_article_transitions";

    private readonly ILiteCollection<StoredArticle> _articles;
    private readonly ILiteCollection<StoredArticleVersion> _versions;
    private readonly ILiteCollection<StoredArticleTransition> _transitions;
    private readonly GroupCommitWriter _writer;

    public LiteArticleStore(ILiteDatabase database, GroupCommitWriter writer)
    {
        _writer = writer;
        _articles = database.GetCollection<StoredArticle>(ArticlesCollection);
        _versions = database.GetCollection<StoredArticleVersion>(VersionsCollection);
        _transitions = Transitions(database);
        _versions.EnsureIndex(v => v.ArticleId);
        _transitions.EnsureIndex(t => t.ArticleId);
    }

    public Task<StoredArticle?> GetAsync(string articleId, CancellationToken cancellationToken) =>
        Task.FromResult<StoredArticle?>(_articles.FindById(articleId));

    public Task<IReadOnlyList<StoredArticle>> ListAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<StoredArticle> all = _articles.FindAll().OrderBy(a => a.Id, StringComparer.Ordinal).ToList();
        return Task.FromResult(all);
    }

    public Task<StoredArticleVersion?> GetVersionAsync(string articleId, int number, CancellationToken cancellationToken) =>
        Task.FromResult(number <= 0 ? null : _versions.FindById(StoredArticleVersion.MakeId(articleId, number)));

    public Task<IReadOnlyList<StoredArticleVersion>> VersionsAsync(string articleId, CancellationToken cancellationToken) =>
        Task.FromResult(VersionsOf(_versions, articleId));

    public Task<IReadOnlyList<StoredArticleTransition>> TransitionsAsync(string articleId, CancellationToken cancellationToken)
    {
        IReadOnlyList<StoredArticleTransition> steps = _transitions
            .Find(Filters.Equal(nameof(StoredArticleTransition.ArticleId), articleId))
            .OrderBy(t => t.Id)
            .ToList();
        return Task.FromResult(steps);
    }

    public Task<IReadOnlyList<StoredArticleVersion>> ListLiveAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<StoredArticleVersion> live = _articles.Find(Query.GT(nameof(StoredArticle.LiveVersion), 0))
            .OrderBy(a => a.Id, StringComparer.Ordinal)
            .Select(a => _versions.FindById(StoredArticleVersion.MakeId(a.Id, a.LiveVersion)))
            .OfType<StoredArticleVersion>()
            .ToList();
        return Task.FromResult(live);
    }

    public Task<bool> IsEmptyAsync(CancellationToken cancellationToken) => Task.FromResult(!_articles.Exists(Query.All()));

    public Task<T> ChangeAsync<T>(string articleId, Func<ArticleRecord, ArticleStep<T>> decide, CancellationToken cancellationToken) =>
        _writer.WriteAsync(db =>
        {
            // Read on the writer's own database, inside its transaction: the check sees every write committed before it,
            // and nothing can slip in between the check and the write.
            var articles = db.GetCollection<StoredArticle>(ArticlesCollection);
            var versions = db.GetCollection<StoredArticleVersion>(VersionsCollection);
            var step = decide(new ArticleRecord(articles.FindById(articleId), VersionsOf(versions, articleId)));
            if (step.Article is null) return step.Result;
            if (step.Article.Id != articleId) throw new InvalidOperationException($"A step of article '{articleId}' wrote article '{step.Article.Id}'.");
            if (step.NewVersion is not null) versions.Insert(step.NewVersion);
            articles.Upsert(step.Article);
            if (step.Transition is not null) Transitions(db).Insert(step.Transition);
            return step.Result;
        }, cancellationToken);

    private static IReadOnlyList<StoredArticleVersion> VersionsOf(ILiteCollection<StoredArticleVersion> versions, string articleId) =>
        versions.Find(Filters.Equal(nameof(StoredArticleVersion.ArticleId), articleId)).OrderBy(v => v.Number).ToList();

    private static ILiteCollection<StoredArticleTransition> Transitions(ILiteDatabase database) =>
        database.GetCollection<StoredArticleTransition>(TransitionsCollection, BsonAutoId.Int32);
}
