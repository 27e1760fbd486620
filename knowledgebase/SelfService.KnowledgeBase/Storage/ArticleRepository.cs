using LiteDB;

namespace SelfService.KnowledgeBase.Storage;

/// <summary>
/// The knowledge base's three LiteDB collections. The host shares one database file between areas,
/// so every collection name starts with <c>kb_</c>.
/// </summary>
internal sealed class ArticleRepository
{
    public const string ArticlesCollection = "kb_articles";
    public const string VersionsCollection = "kb_article_versions";
    public const string TransitionsCollection = "kb_article_transitions";

    private readonly ILiteDatabase _database;
    private readonly ILiteCollection<ArticleDocument> _articles;
    private readonly ILiteCollection<ArticleVersionDocument> _versions;
    private readonly ILiteCollection<ArticleTransitionDocument> _transitions;

    public ArticleRepository(ILiteDatabase database)
    {
        _database = database;
        _articles = database.GetCollection<ArticleDocument>(ArticlesCollection);
        _versions = database.GetCollection<ArticleVersionDocument>(VersionsCollection);
        _transitions = database.GetCollection<ArticleTransitionDocument>(TransitionsCollection, BsonAutoId.Int32);
        _versions.EnsureIndex(v => v.ArticleId);
        _transitions.EnsureIndex(t => t.ArticleId);
    }

    public bool IsEmpty() => _articles.Count() == 0;

    public ArticleDocument? FindArticle(string id) => _articles.FindById(id);

    public IEnumerable<ArticleDocument> AllArticles() => _articles.FindAll();

    public ArticleVersionDocument? FindVersion(string articleId, int number) =>
        number <= 0 ? null : _versions.FindById(ArticleVersionDocument.MakeId(articleId, number));

    public List<ArticleVersionDocument> Versions(string articleId) =>
        _versions.Find(v => v.ArticleId == articleId).OrderBy(v => v.Number).ToList();

    public List<ArticleTransitionDocument> Transitions(string articleId) =>
        _transitions.Find(t => t.ArticleId == articleId).OrderBy(t => t.Id).ToList();

    /// <summary>The live version of every published article, ordered by id.</summary>
    public List<PublishedArticle> ListPublished() =>
        _articles.Find(a => a.LiveVersion > 0)
            .OrderBy(a => a.Id, StringComparer.Ordinal)
            .Select(a => FindVersion(a.Id, a.LiveVersion))
            .OfType<ArticleVersionDocument>()
            .Select(v => new PublishedArticle(v.ArticleId, v.Number, ArticleMapper.ToContent(v)))
            .ToList();

    /// <summary>Stores one workflow step atomically: the article row, an optional new version and the transition.</summary>
    public void Save(ArticleDocument article, ArticleVersionDocument? newVersion, ArticleTransitionDocument transition)
    {
        // LiteDB transactions are per thread; if the caller already opened one, we join it instead of committing theirs.
        var ownsTransaction = _database.BeginTrans();
        try
        {
            if (newVersion is not null)
            {
                _versions.Insert(newVersion);
            }

            _articles.Upsert(article);
            _transitions.Insert(transition);
            if (ownsTransaction)
            {
                _database.Commit();
            }
        }
        catch
        {
            if (ownsTransaction)
            {
                _database.Rollback();
            }

            throw;
        }
    }
}
