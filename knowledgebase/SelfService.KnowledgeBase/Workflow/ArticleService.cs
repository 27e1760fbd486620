using SelfService.KnowledgeBase.Storage;
using SelfService.Storage.KnowledgeBase;

namespace SelfService.KnowledgeBase;

/// <summary>
/// The editorial workflow: editors draft and submit, a different person approves (publishes) or returns with a comment,
/// anyone may retire. Every saved edit is a new version; every step is recorded. A published version stays live while a
/// newer draft of the same article is edited and reviewed, and only approval or retirement changes what search serves.
/// </summary>
/// <remarks>
/// Each step reads the article, checks the rule and writes in one <see cref="IArticleStore.ChangeAsync{T}"/>, so of two
/// editors racing on the same article (on this gateway or another) only one passes the check. The checks are pure
/// functions of what the store hands them: the store may run them more than once. Refusals surface when the returned
/// task is awaited, and nothing is written then.
/// </remarks>
public sealed class ArticleService : IDisposable
{
    private readonly IArticleStore _store;
    private readonly TimeProvider _timeProvider;
    private readonly IKnowledgeIndex[] _indexes;

    // The store orders the steps; this keeps the indexes' updates in that same order (an approval and a retirement of one
    // article racing must not reach search the other way round) and one at a time, as IKnowledgeIndex promises.
    private readonly SemaphoreSlim _publishing = new(1, 1);

    public ArticleService(IArticleStore store, TimeProvider timeProvider, IEnumerable<IKnowledgeIndex> indexes)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(indexes);
        _store = store;
        _timeProvider = timeProvider;
        _indexes = indexes.ToArray();
    }

    /// <summary>Creates an article as version 1 in <see cref="ArticleStatus.Draft"/>.</summary>
    /// <param name="id">A stable id such as <c>roaming-cost-en</c>; generated from category and language when null.</param>
    public async Task<Article> CreateDraftAsync(ArticleContent content, string author, string? id, CancellationToken cancellationToken)
    {
        author = ArticleValidator.RequireActor(author, "author");
        content = ValidContent(content, id);
        id ??= $"{content.Category}-{content.Language}-{Guid.NewGuid().ToString("N")[..8]}";
        ArticleValidator.ThrowIfInvalidId(id);
        var now = _timeProvider.GetUtcNow();

        return await _store.ChangeAsync(id, record =>
        {
            if (record.Article is not null)
            {
                throw new KnowledgeBaseValidationException($"Article '{id}' already exists; edit it instead of creating it again.");
            }

            var article = NewArticle(id, content, StoredArticleStatus.Draft, now);
            return Stored(record, article, StoredArticleMapper.ToStored(id, 1, content, author, now), TransitionKind.Created, null, author, now, null);
        }, cancellationToken);
    }

    /// <summary>
    /// Saves a new version. Editing a published article starts a new draft on top of it; the published version stays live.
    /// Saving content identical to the newest version changes nothing.
    /// </summary>
    public async Task<Article> EditDraftAsync(string id, ArticleContent content, string author, CancellationToken cancellationToken)
    {
        author = ArticleValidator.RequireActor(author, "author");
        content = ValidContent(content, id);
        var now = _timeProvider.GetUtcNow();
        return await _store.ChangeAsync(id, record => SaveVersion(record, Require(record, id), content, author, now, TransitionKind.Edited, null), cancellationToken);
    }

    /// <summary>
    /// Rolls back by going forward: the content of an old version becomes a new draft on top of the newest one, and it
    /// goes through review again like any edit. The live version stays live until then.
    /// </summary>
    public async Task<Article> RestoreVersionAsync(string id, int number, string author, CancellationToken cancellationToken)
    {
        author = ArticleValidator.RequireActor(author, "author");
        var now = _timeProvider.GetUtcNow();
        return await _store.ChangeAsync(id, record =>
        {
            var article = Require(record, id);
            var old = record.Version(number)
                ?? throw new KnowledgeBaseValidationException($"Article '{id}' has no version {number}; it has versions 1 to {article.LatestVersion}.");
            return SaveVersion(record, article, StoredArticleMapper.ToContent(old), author, now, TransitionKind.Restored, $"v{number}");
        }, cancellationToken);
    }

    /// <summary>Sends a draft (or a returned article) to review.</summary>
    public async Task<Article> SubmitAsync(string id, string author, CancellationToken cancellationToken)
    {
        author = ArticleValidator.RequireActor(author, "author");
        var now = _timeProvider.GetUtcNow();
        return await _store.ChangeAsync(id, record =>
        {
            var article = Require(record, id);
            var from = StoredArticleMapper.ToStatus(article.Status);
            if (from is not (ArticleStatus.Draft or ArticleStatus.Returned))
            {
                throw new KnowledgeBaseValidationException(from switch
                {
                    ArticleStatus.InReview => $"Article '{id}' is already in review.",
                    ArticleStatus.Published => $"Article '{id}' has no draft to submit: its newest version is already published. Edit it first.",
                    _ => $"Article '{id}' is retired and cannot be submitted.",
                });
            }

            article.Status = StoredArticleStatus.InReview;
            article.ReviewComment = null;
            article.UpdatedAt = now;
            return Stored(record, article, null, TransitionKind.Submitted, from, author, now, null);
        }, cancellationToken);
    }

    /// <summary>Publishes the submitted version: it replaces the live version in search.</summary>
    /// <exception cref="KnowledgeBaseValidationException">The article is not in review, or <paramref name="reviewer"/> wrote its newest version.</exception>
    public async Task<Article> ApproveAsync(string id, string reviewer, CancellationToken cancellationToken)
    {
        reviewer = ArticleValidator.RequireActor(reviewer, "reviewer");
        var now = _timeProvider.GetUtcNow();
        await _publishing.WaitAsync(cancellationToken);
        try
        {
            var approved = await _store.ChangeAsync(id, record =>
            {
                var article = RequireInReview(record, id, "approved");
                RequireIndependentReviewer(id, reviewer, RequireVersion(record, id, article.LatestVersion), "approve");
                article.Status = StoredArticleStatus.Published;
                article.LiveVersion = article.LatestVersion;
                article.UpdatedAt = now;
                return Stored(record, article, null, TransitionKind.Approved, ArticleStatus.InReview, reviewer, now, null);
            }, cancellationToken);
            Publish(new PublishedArticle(id, approved.Latest.Number, approved.Latest.Content));
            return approved;
        }
        finally
        {
            _publishing.Release();
        }
    }

    /// <summary>Sends a submission back to its editors with the reviewer's reason; the live version, if any, stays live.</summary>
    public async Task<Article> ReturnAsync(string id, string reviewer, string comment, CancellationToken cancellationToken)
    {
        reviewer = ArticleValidator.RequireActor(reviewer, "reviewer");
        if (string.IsNullOrWhiteSpace(comment))
        {
            throw new KnowledgeBaseValidationException($"Returning article '{id}' needs a comment: tell the editor what to fix.");
        }

        var reason = comment.Trim();
        var now = _timeProvider.GetUtcNow();
        return await _store.ChangeAsync(id, record =>
        {
            var article = RequireInReview(record, id, "returned");
            RequireIndependentReviewer(id, reviewer, RequireVersion(record, id, article.LatestVersion), "return");
            article.Status = StoredArticleStatus.Returned;
            article.ReviewComment = reason;
            article.UpdatedAt = now;
            return Stored(record, article, null, TransitionKind.Returned, ArticleStatus.InReview, reviewer, now, reason);
        }, cancellationToken);
    }

    /// <summary>Withdraws an article for good; it disappears from search at once.</summary>
    public async Task<Article> RetireAsync(string id, string actor, string? comment, CancellationToken cancellationToken)
    {
        actor = ArticleValidator.RequireActor(actor, "actor");
        var note = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        var now = _timeProvider.GetUtcNow();
        await _publishing.WaitAsync(cancellationToken);
        try
        {
            var (retired, wasLive) = await _store.ChangeAsync(id, record =>
            {
                var article = Require(record, id);
                var from = StoredArticleMapper.ToStatus(article.Status);
                if (from == ArticleStatus.Retired)
                {
                    throw new KnowledgeBaseValidationException($"Article '{id}' is already retired.");
                }

                var live = article.LiveVersion > 0;
                article.Status = StoredArticleStatus.Retired;
                article.LiveVersion = 0;
                article.UpdatedAt = now;
                var step = Stored(record, article, null, TransitionKind.Retired, from, actor, now, note);
                // The answer also says whether search served the article, so search is told only when it did.
                return new ArticleStep<(Article, bool)>((step.Result, live), step.Article, step.NewVersion, step.Transition);
            }, cancellationToken);

            if (wasLive)
            {
                foreach (var index in _indexes)
                {
                    index.Remove(id);
                }
            }

            return retired;
        }
        finally
        {
            _publishing.Release();
        }
    }

    public async Task<Article?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var article = await _store.GetAsync(id, cancellationToken);
        return article is null ? null : await LoadAsync(article, cancellationToken);
    }

    /// <summary>Articles matching every given criterion, ordered by id.</summary>
    public async Task<IReadOnlyList<Article>> ListAsync(ArticleFilter? filter, CancellationToken cancellationToken)
    {
        filter ??= new ArticleFilter();
        var status = filter.Status is { } wanted ? StoredArticleMapper.ToStored(wanted) : (StoredArticleStatus?)null;
        var rows = (await _store.ListAsync(cancellationToken))
            .Where(a => status is null || a.Status == status)
            .Where(a => filter.Language is null || string.Equals(a.Language, filter.Language, StringComparison.OrdinalIgnoreCase))
            .Where(a => filter.Category is null || string.Equals(a.Category, filter.Category, StringComparison.OrdinalIgnoreCase));

        var text = string.IsNullOrWhiteSpace(filter.Text) ? null : filter.Text.Trim();
        var articles = new List<Article>();
        foreach (var row in rows)
        {
            var article = await LoadAsync(row, cancellationToken);
            if (text is null || Mentions(article.Latest.Content, text))
            {
                articles.Add(article);
            }
        }

        return articles;
    }

    /// <summary>Every version and every workflow step of an article, oldest first.</summary>
    public async Task<ArticleHistory> HistoryAsync(string id, CancellationToken cancellationToken)
    {
        _ = await _store.GetAsync(id, cancellationToken) ?? throw new ArticleNotFoundException(id);
        var versions = await _store.VersionsAsync(id, cancellationToken);
        var transitions = await _store.TransitionsAsync(id, cancellationToken);
        return new ArticleHistory(
            id,
            versions.Select(StoredArticleMapper.ToVersion).ToList(),
            transitions.Select(StoredArticleMapper.ToTransition).ToList());
    }

    /// <summary>The live version of every published article, ordered by id: what search indexes at start.</summary>
    public async Task<IReadOnlyList<PublishedArticle>> ListPublishedAsync(CancellationToken cancellationToken) =>
        (await _store.ListLiveAsync(cancellationToken)).Select(StoredArticleMapper.ToPublished).ToList();

    internal Task<bool> IsEmptyAsync(CancellationToken cancellationToken) => _store.IsEmptyAsync(cancellationToken);

    /// <summary>
    /// Publishes content directly, bypassing review: the importer is an operator seeding the knowledge base from a
    /// reviewed file. Articles editors are working on, and retired ones, are left alone.
    /// </summary>
    internal async Task<ImportOutcome> ImportAsync(string id, ArticleContent content, string actor, CancellationToken cancellationToken)
    {
        ArticleValidator.ThrowIfInvalidId(id);
        content = ValidContent(content, id);
        var now = _timeProvider.GetUtcNow();
        await _publishing.WaitAsync(cancellationToken);
        try
        {
            var (outcome, published) = await _store.ChangeAsync(id, record => DecideImport(record, id, content, actor, now), cancellationToken);
            if (published is not null)
            {
                Publish(published);
            }

            return outcome;
        }
        finally
        {
            _publishing.Release();
        }
    }

    /// <summary>An article at its first version: a draft, or published at once (an import).</summary>
    private static StoredArticle NewArticle(string id, ArticleContent content, StoredArticleStatus status, DateTimeOffset now) => new()
    {
        Id = id,
        Language = content.Language,
        Category = content.Category,
        Title = content.Title,
        Status = status,
        LatestVersion = 1,
        LiveVersion = status == StoredArticleStatus.Published ? 1 : 0,
        CreatedAt = now,
        UpdatedAt = now,
    };

    private static ArticleStep<(ImportOutcome, PublishedArticle?)> DecideImport(
        ArticleRecord record, string id, ArticleContent content, string actor, DateTimeOffset now)
    {
        if (record.Article is null)
        {
            var created = NewArticle(id, content, StoredArticleStatus.Published, now);
            return new((ImportOutcome.Created, new PublishedArticle(id, 1, content)),
                created, StoredArticleMapper.ToStored(id, 1, content, actor, now), Transition(created, TransitionKind.Imported, null, actor, now, null));
        }

        var article = Copy(record.Article);
        if (article.Status != StoredArticleStatus.Published)
        {
            return ArticleStep<(ImportOutcome, PublishedArticle?)>.Unchanged((ImportOutcome.Skipped, null));
        }

        if (content.Language != article.Language)
        {
            throw new KnowledgeBaseValidationException(
                $"Article '{id}': the file says language '{content.Language}' but the article is written in '{article.Language}'.");
        }

        if (StoredArticleMapper.ToContent(RequireVersion(record, id, article.LiveVersion)).Equals(content))
        {
            return ArticleStep<(ImportOutcome, PublishedArticle?)>.Unchanged((ImportOutcome.Unchanged, null));
        }

        article.LatestVersion++;
        article.LiveVersion = article.LatestVersion;
        article.Category = content.Category;
        article.Title = content.Title;
        article.UpdatedAt = now;
        return new((ImportOutcome.Updated, new PublishedArticle(id, article.LatestVersion, content)),
            article,
            StoredArticleMapper.ToStored(id, article.LatestVersion, content, actor, now),
            Transition(article, TransitionKind.Imported, ArticleStatus.Published, actor, now, null));
    }

    private static ArticleStep<Article> SaveVersion(
        ArticleRecord record, StoredArticle article, ArticleContent content, string author, DateTimeOffset now, TransitionKind kind, string? comment)
    {
        var id = article.Id;
        var from = StoredArticleMapper.ToStatus(article.Status);
        switch (from)
        {
            case ArticleStatus.InReview:
                throw new KnowledgeBaseValidationException(
                    $"Article '{id}' is in review and cannot be edited; a reviewer must approve it or return it first.");
            case ArticleStatus.Retired:
                throw new KnowledgeBaseValidationException(
                    $"Article '{id}' is retired and can no longer be edited; create a new article instead.");
        }

        if (content.Language != article.Language)
        {
            throw new KnowledgeBaseValidationException(
                $"Article '{id}' is written in '{article.Language}'; its language cannot change to '{content.Language}'. Create a separate article for the translation.");
        }

        if (record.Version(article.LatestVersion) is { } latest && StoredArticleMapper.ToContent(latest).Equals(content))
        {
            return ArticleStep<Article>.Unchanged(ToArticle(article, record.Version));
        }

        article.LatestVersion++;
        article.Status = StoredArticleStatus.Draft;
        article.Category = content.Category;
        article.Title = content.Title;
        article.UpdatedAt = now;
        var version = StoredArticleMapper.ToStored(id, article.LatestVersion, content, author, now);
        return Stored(record, article, version, kind, from, author, now, comment);
    }

    /// <summary>A step that writes <paramref name="article"/> (and <paramref name="newVersion"/>), answering with the article as it will then read.</summary>
    private static ArticleStep<Article> Stored(
        ArticleRecord record,
        StoredArticle article,
        StoredArticleVersion? newVersion,
        TransitionKind kind,
        ArticleStatus? from,
        string actor,
        DateTimeOffset at,
        string? comment)
    {
        var after = ToArticle(article, number => number == newVersion?.Number ? newVersion : record.Version(number));
        return new ArticleStep<Article>(after, article, newVersion, Transition(article, kind, from, actor, at, comment));
    }

    private static StoredArticleTransition Transition(
        StoredArticle article, TransitionKind kind, ArticleStatus? from, string actor, DateTimeOffset at, string? comment) => new()
        {
            ArticleId = article.Id,
            Kind = StoredArticleMapper.ToStored(kind),
            From = from is { } status ? StoredArticleMapper.ToStored(status) : null,
            To = article.Status,
            Version = article.LatestVersion,
            Actor = actor,
            At = at,
            Comment = comment,
        };

    private static ArticleContent ValidContent(ArticleContent content, string? id)
    {
        ArgumentNullException.ThrowIfNull(content);
        var normalized = ArticleValidator.Normalize(content);
        var errors = ArticleValidator.Check(normalized, id);
        return errors.Count == 0 ? normalized : throw new KnowledgeBaseValidationException(errors);
    }

    private static bool Mentions(ArticleContent content, string text) =>
        content.Title.Contains(text, StringComparison.OrdinalIgnoreCase)
        || content.ShortAnswer.Contains(text, StringComparison.OrdinalIgnoreCase)
        || content.LongAnswer.Contains(text, StringComparison.OrdinalIgnoreCase)
        || content.Questions.Any(q => q.Contains(text, StringComparison.OrdinalIgnoreCase))
        || content.Keywords.Any(k => k.Contains(text, StringComparison.OrdinalIgnoreCase));

    private static void RequireIndependentReviewer(string id, string reviewer, StoredArticleVersion latest, string action)
    {
        if (string.Equals(reviewer, latest.Author, StringComparison.OrdinalIgnoreCase))
        {
            throw new KnowledgeBaseValidationException(
                $"Reviewer '{reviewer}' cannot {action} article '{id}': they wrote its latest version (v{latest.Number}). The reviewer must be someone other than the last editor.");
        }
    }

    /// <summary>The stored article, as a copy the step may change: the record is the store's, and a step may be decided again.</summary>
    private static StoredArticle Require(ArticleRecord record, string id) =>
        record.Article is { } article ? Copy(article) : throw new ArticleNotFoundException(id);

    private static StoredArticle RequireInReview(ArticleRecord record, string id, string verb)
    {
        var article = Require(record, id);
        return article.Status == StoredArticleStatus.InReview
            ? article
            : throw new KnowledgeBaseValidationException(
                $"Article '{id}' is {StoredArticleMapper.ToStatus(article.Status)}, not {ArticleStatus.InReview}: only a submitted article can be {verb}. Submit it for review first.");
    }

    private static StoredArticleVersion RequireVersion(ArticleRecord record, string id, int number) =>
        record.Version(number) ?? throw MissingVersion(id, number);

    private static InvalidOperationException MissingVersion(string id, int number) =>
        new($"Article '{id}' points at version {number}, which is missing from the store.");

    private static StoredArticle Copy(StoredArticle article) => new()
    {
        Id = article.Id,
        Language = article.Language,
        Category = article.Category,
        Title = article.Title,
        Status = article.Status,
        LatestVersion = article.LatestVersion,
        LiveVersion = article.LiveVersion,
        ReviewComment = article.ReviewComment,
        CreatedAt = article.CreatedAt,
        UpdatedAt = article.UpdatedAt,
    };

    /// <summary>The article as editors see it, its versions looked up by <paramref name="version"/>.</summary>
    private static Article ToArticle(StoredArticle article, Func<int, StoredArticleVersion?> version)
    {
        var latest = StoredArticleMapper.ToVersion(version(article.LatestVersion) ?? throw MissingVersion(article.Id, article.LatestVersion));
        var live = article.LiveVersion == 0 ? null
            : article.LiveVersion == article.LatestVersion ? latest
            : StoredArticleMapper.ToVersion(version(article.LiveVersion) ?? throw MissingVersion(article.Id, article.LiveVersion));
        return new Article(article.Id, StoredArticleMapper.ToStatus(article.Status), latest, live, article.ReviewComment);
    }

    /// <summary>Reads the versions an article points at. Versions never change once stored, so reading them after the row is safe.</summary>
    private async Task<Article> LoadAsync(StoredArticle article, CancellationToken cancellationToken)
    {
        var latest = await _store.GetVersionAsync(article.Id, article.LatestVersion, cancellationToken);
        var live = article.LiveVersion is 0 || article.LiveVersion == article.LatestVersion
            ? null
            : await _store.GetVersionAsync(article.Id, article.LiveVersion, cancellationToken);
        return ToArticle(article, number => number == article.LatestVersion ? latest : live);
    }

    public void Dispose() => _publishing.Dispose();

    private void Publish(PublishedArticle article)
    {
        foreach (var index in _indexes)
        {
            index.Upsert(article);
        }
    }
}
