using LiteDB;
using SelfService.KnowledgeBase.Storage;

namespace SelfService.KnowledgeBase;

/// <summary>
/// The editorial workflow: editors draft and submit, a different person approves (publishes) or returns with a comment,
/// anyone may retire. Every saved edit is a new version; every step is recorded. A published version stays live while a
/// newer draft of the same article is edited and reviewed, and only approval or retirement changes what search serves.
/// </summary>
/// <remarks>
/// All operations are serialized by one lock: a step reads the state, checks the rule and writes, and two editors racing
/// on the same article must not both pass the check. Knowledge-base edits are rare, so the lock costs nothing.
/// </remarks>
public sealed class ArticleService
{
    private readonly ArticleRepository _repository;
    private readonly TimeProvider _timeProvider;
    private readonly IKnowledgeIndex[] _indexes;
    private readonly Lock _gate = new();

    public ArticleService(ILiteDatabase database, TimeProvider timeProvider, IEnumerable<IKnowledgeIndex> indexes)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(indexes);
        _repository = new ArticleRepository(database);
        _timeProvider = timeProvider;
        _indexes = indexes.ToArray();
    }

    /// <summary>Creates an article as version 1 in <see cref="ArticleStatus.Draft"/>.</summary>
    /// <param name="id">A stable id such as <c>roaming-cost-en</c>; generated from category and language when null.</param>
    public Article CreateDraft(ArticleContent content, string author, string? id = null)
    {
        author = ArticleValidator.RequireActor(author, "author");
        content = ValidContent(content, id);
        id ??= $"{content.Category}-{content.Language}-{Guid.NewGuid().ToString("N")[..8]}";
        ArticleValidator.ThrowIfInvalidId(id);

        lock (_gate)
        {
            if (_repository.FindArticle(id) is not null)
            {
                throw new KnowledgeBaseValidationException($"Article '{id}' already exists; edit it instead of creating it again.");
            }

            var now = _timeProvider.GetUtcNow();
            var article = new ArticleDocument
            {
                Id = id,
                Language = content.Language,
                Category = content.Category,
                Title = content.Title,
                Status = ArticleStatus.Draft,
                LatestVersion = 1,
                CreatedAt = now.UtcDateTime,
                UpdatedAt = now.UtcDateTime,
            };
            var version = ArticleMapper.ToDocument(id, 1, content, author, now);
            _repository.Save(article, version, Transition(article, TransitionKind.Created, null, author, now, null));
            return Load(article);
        }
    }

    /// <summary>
    /// Saves a new version. Editing a published article starts a new draft on top of it; the published version stays live.
    /// Saving content identical to the newest version changes nothing.
    /// </summary>
    public Article EditDraft(string id, ArticleContent content, string author)
    {
        author = ArticleValidator.RequireActor(author, "author");
        content = ValidContent(content, id);

        lock (_gate)
        {
            return SaveVersion(Require(id), content, author, TransitionKind.Edited, null);
        }
    }

    /// <summary>
    /// Rolls back by going forward: the content of an old version becomes a new draft on top of the newest one, and it
    /// goes through review again like any edit. The live version stays live until then.
    /// </summary>
    public Article RestoreVersion(string id, int number, string author)
    {
        author = ArticleValidator.RequireActor(author, "author");
        lock (_gate)
        {
            var article = Require(id);
            var old = _repository.FindVersion(id, number)
                ?? throw new KnowledgeBaseValidationException($"Article '{id}' has no version {number}; it has versions 1 to {article.LatestVersion}.");
            return SaveVersion(article, ArticleMapper.ToContent(old), author, TransitionKind.Restored, $"v{number}");
        }
    }

    private Article SaveVersion(ArticleDocument article, ArticleContent content, string author, TransitionKind kind, string? comment)
    {
        var id = article.Id;
        // Called under the gate: the checks and the write must not interleave with another step.
        switch (article.Status)
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

        var latest = _repository.FindVersion(id, article.LatestVersion);
        if (latest is not null && ArticleMapper.ToContent(latest).Equals(content))
        {
            return Load(article);
        }

        var now = _timeProvider.GetUtcNow();
        var from = article.Status;
        article.LatestVersion++;
        article.Status = ArticleStatus.Draft;
        article.Category = content.Category;
        article.Title = content.Title;
        article.UpdatedAt = now.UtcDateTime;
        var version = ArticleMapper.ToDocument(id, article.LatestVersion, content, author, now);
        _repository.Save(article, version, Transition(article, kind, from, author, now, comment));
        return Load(article);
    }

    /// <summary>Sends a draft (or a returned article) to review.</summary>
    public Article Submit(string id, string author)
    {
        author = ArticleValidator.RequireActor(author, "author");
        lock (_gate)
        {
            var article = Require(id);
            if (article.Status is not (ArticleStatus.Draft or ArticleStatus.Returned))
            {
                throw new KnowledgeBaseValidationException(article.Status switch
                {
                    ArticleStatus.InReview => $"Article '{id}' is already in review.",
                    ArticleStatus.Published => $"Article '{id}' has no draft to submit: its newest version is already published. Edit it first.",
                    _ => $"Article '{id}' is retired and cannot be submitted.",
                });
            }

            var now = _timeProvider.GetUtcNow();
            var from = article.Status;
            article.Status = ArticleStatus.InReview;
            article.ReviewComment = null;
            article.UpdatedAt = now.UtcDateTime;
            _repository.Save(article, null, Transition(article, TransitionKind.Submitted, from, author, now, null));
            return Load(article);
        }
    }

    /// <summary>Publishes the submitted version: it replaces the live version in search.</summary>
    /// <exception cref="KnowledgeBaseValidationException">The article is not in review, or <paramref name="reviewer"/> wrote its newest version.</exception>
    public Article Approve(string id, string reviewer)
    {
        reviewer = ArticleValidator.RequireActor(reviewer, "reviewer");
        lock (_gate)
        {
            var article = RequireInReview(id, "approved");
            var latest = RequireVersion(id, article.LatestVersion);
            RequireIndependentReviewer(id, reviewer, latest, "approve");

            var now = _timeProvider.GetUtcNow();
            article.Status = ArticleStatus.Published;
            article.LiveVersion = article.LatestVersion;
            article.UpdatedAt = now.UtcDateTime;
            _repository.Save(article, null, Transition(article, TransitionKind.Approved, ArticleStatus.InReview, reviewer, now, null));
            Publish(new PublishedArticle(id, latest.Number, ArticleMapper.ToContent(latest)));
            return Load(article);
        }
    }

    /// <summary>Sends a submission back to its editors with the reviewer's reason; the live version, if any, stays live.</summary>
    public Article Return(string id, string reviewer, string comment)
    {
        reviewer = ArticleValidator.RequireActor(reviewer, "reviewer");
        if (string.IsNullOrWhiteSpace(comment))
        {
            throw new KnowledgeBaseValidationException($"Returning article '{id}' needs a comment: tell the editor what to fix.");
        }

        lock (_gate)
        {
            var article = RequireInReview(id, "returned");
            RequireIndependentReviewer(id, reviewer, RequireVersion(id, article.LatestVersion), "return");

            var now = _timeProvider.GetUtcNow();
            article.Status = ArticleStatus.Returned;
            article.ReviewComment = comment.Trim();
            article.UpdatedAt = now.UtcDateTime;
            _repository.Save(article, null, Transition(article, TransitionKind.Returned, ArticleStatus.InReview, reviewer, now, article.ReviewComment));
            return Load(article);
        }
    }

    /// <summary>Withdraws an article for good; it disappears from search at once.</summary>
    public Article Retire(string id, string actor, string? comment = null)
    {
        actor = ArticleValidator.RequireActor(actor, "actor");
        lock (_gate)
        {
            var article = Require(id);
            if (article.Status == ArticleStatus.Retired)
            {
                throw new KnowledgeBaseValidationException($"Article '{id}' is already retired.");
            }

            var now = _timeProvider.GetUtcNow();
            var from = article.Status;
            var wasLive = article.LiveVersion > 0;
            article.Status = ArticleStatus.Retired;
            article.LiveVersion = 0;
            article.UpdatedAt = now.UtcDateTime;
            _repository.Save(article, null, Transition(article, TransitionKind.Retired, from, actor, now, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim()));
            if (wasLive)
            {
                foreach (var index in _indexes)
                {
                    index.Remove(id);
                }
            }

            return Load(article);
        }
    }

    public Article? Get(string id)
    {
        lock (_gate)
        {
            var article = _repository.FindArticle(id);
            return article is null ? null : Load(article);
        }
    }

    /// <summary>Articles matching every given criterion, ordered by id.</summary>
    public IReadOnlyList<Article> List(ArticleFilter? filter = null)
    {
        filter ??= new ArticleFilter();
        lock (_gate)
        {
            var articles = _repository.AllArticles()
                .Where(a => filter.Status is null || a.Status == filter.Status)
                .Where(a => filter.Language is null || string.Equals(a.Language, filter.Language, StringComparison.OrdinalIgnoreCase))
                .Where(a => filter.Category is null || string.Equals(a.Category, filter.Category, StringComparison.OrdinalIgnoreCase))
                .OrderBy(a => a.Id, StringComparer.Ordinal)
                .Select(Load);
            if (!string.IsNullOrWhiteSpace(filter.Text))
            {
                var text = filter.Text.Trim();
                articles = articles.Where(a => Mentions(a.Latest.Content, text));
            }

            return articles.ToList();
        }
    }

    /// <summary>Every version and every workflow step of an article, oldest first.</summary>
    public ArticleHistory History(string id)
    {
        lock (_gate)
        {
            Require(id);
            return new ArticleHistory(
                id,
                _repository.Versions(id).Select(ArticleMapper.ToVersion).ToList(),
                _repository.Transitions(id).Select(ArticleMapper.ToTransition).ToList());
        }
    }

    /// <summary>The live version of every published article: what search indexes at start.</summary>
    public IReadOnlyList<PublishedArticle> ListPublished()
    {
        lock (_gate)
        {
            return _repository.ListPublished();
        }
    }

    internal bool IsEmpty()
    {
        lock (_gate)
        {
            return _repository.IsEmpty();
        }
    }

    /// <summary>
    /// Publishes content directly, bypassing review: the importer is an operator seeding the knowledge base from a
    /// reviewed file. Articles editors are working on, and retired ones, are left alone.
    /// </summary>
    internal ImportOutcome Import(string id, ArticleContent content, string actor)
    {
        ArticleValidator.ThrowIfInvalidId(id);
        content = ValidContent(content, id);
        lock (_gate)
        {
            var now = _timeProvider.GetUtcNow();
            var article = _repository.FindArticle(id);
            if (article is null)
            {
                article = new ArticleDocument
                {
                    Id = id,
                    Language = content.Language,
                    Category = content.Category,
                    Title = content.Title,
                    Status = ArticleStatus.Published,
                    LatestVersion = 1,
                    LiveVersion = 1,
                    CreatedAt = now.UtcDateTime,
                    UpdatedAt = now.UtcDateTime,
                };
                _repository.Save(article, ArticleMapper.ToDocument(id, 1, content, actor, now), Transition(article, TransitionKind.Imported, null, actor, now, null));
                Publish(new PublishedArticle(id, 1, content));
                return ImportOutcome.Created;
            }

            if (article.Status != ArticleStatus.Published)
            {
                return ImportOutcome.Skipped;
            }

            if (content.Language != article.Language)
            {
                throw new KnowledgeBaseValidationException(
                    $"Article '{id}': the file says language '{content.Language}' but the article is written in '{article.Language}'.");
            }

            if (ArticleMapper.ToContent(RequireVersion(id, article.LiveVersion)).Equals(content))
            {
                return ImportOutcome.Unchanged;
            }

            article.LatestVersion++;
            article.LiveVersion = article.LatestVersion;
            article.Category = content.Category;
            article.Title = content.Title;
            article.UpdatedAt = now.UtcDateTime;
            _repository.Save(
                article,
                ArticleMapper.ToDocument(id, article.LatestVersion, content, actor, now),
                Transition(article, TransitionKind.Imported, ArticleStatus.Published, actor, now, null));
            Publish(new PublishedArticle(id, article.LatestVersion, content));
            return ImportOutcome.Updated;
        }
    }

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

    private static void RequireIndependentReviewer(string id, string reviewer, ArticleVersionDocument latest, string action)
    {
        if (string.Equals(reviewer, latest.Author, StringComparison.OrdinalIgnoreCase))
        {
            throw new KnowledgeBaseValidationException(
                $"Reviewer '{reviewer}' cannot {action} article '{id}': they wrote its latest version (v{latest.Number}). The reviewer must be someone other than the last editor.");
        }
    }

    private static ArticleTransitionDocument Transition(
        ArticleDocument article, TransitionKind kind, ArticleStatus? from, string actor, DateTimeOffset at, string? comment) => new()
        {
            ArticleId = article.Id,
            Kind = kind,
            From = from,
            To = article.Status,
            Version = article.LatestVersion,
            Actor = actor,
            At = at.UtcDateTime,
            Comment = comment,
        };

    private ArticleDocument Require(string id) =>
        _repository.FindArticle(id) ?? throw new ArticleNotFoundException(id);

    private ArticleDocument RequireInReview(string id, string verb)
    {
        var article = Require(id);
        return article.Status == ArticleStatus.InReview
            ? article
            : throw new KnowledgeBaseValidationException(
                $"Article '{id}' is {article.Status}, not {ArticleStatus.InReview}: only a submitted article can be {verb}. Submit it for review first.");
    }

    private ArticleVersionDocument RequireVersion(string id, int number) =>
        _repository.FindVersion(id, number)
        ?? throw new InvalidOperationException($"Article '{id}' points at version {number}, which is missing from {ArticleRepository.VersionsCollection}.");

    private Article Load(ArticleDocument article)
    {
        var latest = ArticleMapper.ToVersion(RequireVersion(article.Id, article.LatestVersion));
        var live = article.LiveVersion == 0 ? null
            : article.LiveVersion == article.LatestVersion ? latest
            : ArticleMapper.ToVersion(RequireVersion(article.Id, article.LiveVersion));
        return new Article(article.Id, article.Status, latest, live, article.ReviewComment);
    }

    private void Publish(PublishedArticle article)
    {
        foreach (var index in _indexes)
        {
            index.Upsert(article);
        }
    }
}
