using SelfService.Storage.KnowledgeBase;

namespace SelfService.Storage.Contract;

/// <summary>
/// The knowledge base: articles with their versions and workflow steps read back whole and in order, and a workflow step
/// (read, check, write) is one atomic operation.
/// </summary>
public abstract class KnowledgeBaseContract : StorageContract
{
    [Test]
    public async Task Article_Created_ReadsBackWithEveryField()
    {
        await CreateAsync("roaming-en", "olga", "  Roaming costs\n");

        var article = (await Store.Articles.GetAsync("roaming-en", None))!;
        Assert.That((article.Id, article.Language, article.Category, article.Title), Is.EqualTo(("roaming-en", "en", "roaming", "Title 1")));
        Assert.That((article.Status, article.LatestVersion, article.LiveVersion, article.ReviewComment), Is.EqualTo((StoredArticleStatus.Draft, 1, 0, (string?)null)));
        Assert.That((article.CreatedAt, article.UpdatedAt), Is.EqualTo((T0, T0)));

        var version = (await Store.Articles.GetVersionAsync("roaming-en", 1, None))!;
        Assert.That((version.Id, version.ArticleId, version.Number, version.Author, version.SavedAt), Is.EqualTo(("roaming-en#000001", "roaming-en", 1, "olga", T0)));
        Assert.That((version.Language, version.Category, version.Title), Is.EqualTo(("en", "roaming", "Title 1")));
        Assert.That((version.Questions, version.Keywords), Is.EqualTo((new[] { "How much is roaming?", "" }, new[] { "roaming" })));
        Assert.That((version.ShortAnswer, version.LongAnswer), Is.EqualTo(("  Roaming costs\n", "")));

        var created = (await Store.Articles.TransitionsAsync("roaming-en", None)).Single();
        Assert.That((created.ArticleId, created.Kind, created.From, created.To, created.Version, created.Actor, created.At, created.Comment),
            Is.EqualTo(("roaming-en", StoredTransitionKind.Created, (StoredArticleStatus?)null, StoredArticleStatus.Draft, 1, "olga", T0, (string?)null)));
        Assert.That(await Store.Articles.GetAsync("other", None), Is.Null);
        Assert.That(await Store.Articles.GetVersionAsync("roaming-en", 2, None), Is.Null);
        Assert.That(await Store.Articles.GetVersionAsync("roaming-en", 0, None), Is.Null);
    }

    [Test]
    public async Task Versions_ManyEdits_ReadOldestFirstAndOnlyTheirArticles()
    {
        await CreateAsync("a", "olga", "v1");
        await CreateAsync("b", "olga", "other");
        for (var n = 2; n <= 12; n++) Assert.That(await EditAsync("a", "igor", "v" + n), Is.EqualTo(n));

        var versions = await Store.Articles.VersionsAsync("a", None);

        Assert.That(versions.Select(v => v.Number), Is.EqualTo(Enumerable.Range(1, 12)));
        Assert.That(versions.Select(v => v.ShortAnswer), Is.EqualTo(Enumerable.Range(1, 12).Select(n => "v" + n)));
        Assert.That((await Store.Articles.GetVersionAsync("a", 10, None))!.ShortAnswer, Is.EqualTo("v10"));
        Assert.That((await Store.Articles.VersionsAsync("b", None)).Select(v => v.ShortAnswer), Is.EqualTo(new[] { "other" }));
        Assert.That(await Store.Articles.VersionsAsync("none", None), Is.Empty);
    }

    [Test]
    public async Task Transitions_ReadInTheOrderStored()
    {
        await CreateAsync("a", "olga", "v1");
        await CreateAsync("b", "olga", "v1");
        await EditAsync("a", "igor", "v2");
        await MoveAsync("b", StoredArticleStatus.Draft, StoredArticleStatus.InReview, StoredTransitionKind.Submitted, "olga");
        await MoveAsync("a", StoredArticleStatus.Draft, StoredArticleStatus.InReview, StoredTransitionKind.Submitted, "igor");
        await MoveAsync("a", StoredArticleStatus.InReview, StoredArticleStatus.Returned, StoredTransitionKind.Returned, "anna");

        var steps = await Store.Articles.TransitionsAsync("a", None);

        Assert.That(steps.Select(t => t.Kind), Is.EqualTo(new[] { StoredTransitionKind.Created, StoredTransitionKind.Edited, StoredTransitionKind.Submitted, StoredTransitionKind.Returned }));
        Assert.That(steps.Select(t => t.Actor), Is.EqualTo(new[] { "olga", "igor", "igor", "anna" }));
        Assert.That((await Store.Articles.TransitionsAsync("b", None)).Select(t => t.Kind), Is.EqualTo(new[] { StoredTransitionKind.Created, StoredTransitionKind.Submitted }));
    }

    [Test]
    public async Task Change_TwentyApprovingOneSubmissionAtOnce_ExactlyOneWins()
    {
        await CreateAsync("a", "olga", "v1");
        await MoveAsync("a", StoredArticleStatus.Draft, StoredArticleStatus.InReview, StoredTransitionKind.Submitted, "olga");

        var approved = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => MoveAsync("a", StoredArticleStatus.InReview, StoredArticleStatus.Published, StoredTransitionKind.Approved, "reviewer" + i))));

        Assert.That(approved.Count(a => a), Is.EqualTo(1));
        var article = (await Store.Articles.GetAsync("a", None))!;
        Assert.That((article.Status, article.LiveVersion), Is.EqualTo((StoredArticleStatus.Published, 1)));
        var steps = await Store.Articles.TransitionsAsync("a", None);
        Assert.That(steps.Count(t => t.Kind == StoredTransitionKind.Approved), Is.EqualTo(1));
        Assert.That(steps[^1].Actor, Is.EqualTo("reviewer" + Array.IndexOf(approved, true)));
    }

    [Test]
    public async Task Change_TwentyEditingOneArticleAtOnce_EveryVersionNumberTakenOnce()
    {
        await CreateAsync("a", "olga", "v1");

        var numbers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => EditAsync("a", "editor" + i, "edit " + i))));

        Assert.That(numbers.Order(), Is.EqualTo(Enumerable.Range(2, 20)));
        Assert.That((await Store.Articles.GetAsync("a", None))!.LatestVersion, Is.EqualTo(21));
        Assert.That((await Store.Articles.VersionsAsync("a", None)).Select(v => v.Number), Is.EqualTo(Enumerable.Range(1, 21)));
    }

    [Test]
    public async Task Change_DecisionThrows_CallerGetsItAndNothingIsWritten()
    {
        await CreateAsync("a", "olga", "v1");

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => Store.Articles.ChangeAsync<bool>("a", _ => throw new InvalidOperationException("not in review"), None));
        var other = await EditAsync("a", "igor", "v2");

        Assert.That(refused!.Message, Is.EqualTo("not in review"));
        Assert.That(other, Is.EqualTo(2));
        Assert.That((await Store.Articles.TransitionsAsync("a", None)).Select(t => t.Kind), Is.EqualTo(new[] { StoredTransitionKind.Created, StoredTransitionKind.Edited }));
    }

    [Test]
    public async Task Change_Unchanged_WritesNothingAndReturnsTheResult()
    {
        var result = await Store.Articles.ChangeAsync("a", record => ArticleStep<string>.Unchanged(record.Article is null ? "none" : "some"), None);

        Assert.That(result, Is.EqualTo("none"));
        Assert.That(await Store.Articles.IsEmptyAsync(None), Is.True);
        Assert.That(await Store.Articles.ListAsync(None), Is.Empty);
    }

    [Test]
    public async Task ListLive_TheLiveVersionOfEveryPublishedArticle_ById()
    {
        await CreateAsync("zeta", "olga", "z1");
        await CreateAsync("alpha", "olga", "a1");
        await CreateAsync("draft-only", "olga", "d1");
        foreach (var id in new[] { "zeta", "alpha" })
        {
            await MoveAsync(id, StoredArticleStatus.Draft, StoredArticleStatus.InReview, StoredTransitionKind.Submitted, "olga");
            await MoveAsync(id, StoredArticleStatus.InReview, StoredArticleStatus.Published, StoredTransitionKind.Approved, "igor");
        }

        await EditAsync("alpha", "olga", "a2");

        var live = await Store.Articles.ListLiveAsync(None);
        Assert.That(live.Select(v => (v.ArticleId, v.Number, v.ShortAnswer)), Is.EqualTo(new[] { ("alpha", 1, "a1"), ("zeta", 1, "z1") }));
        Assert.That((await Store.Articles.ListAsync(None)).Select(a => a.Id), Is.EqualTo(new[] { "alpha", "draft-only", "zeta" }));
        Assert.That(await Store.Articles.IsEmptyAsync(None), Is.False);
    }

    [Test]
    public async Task Reopen_KeepsArticlesVersionsAndStepsAndNumbersOnAfterThem()
    {
        await CreateAsync("a", "olga", "v1");
        await EditAsync("a", "igor", "v2");
        await MoveAsync("a", StoredArticleStatus.Draft, StoredArticleStatus.InReview, StoredTransitionKind.Submitted, "igor");
        await MoveAsync("a", StoredArticleStatus.InReview, StoredArticleStatus.Published, StoredTransitionKind.Approved, "olga");

        await ReopenAsync();
        await EditAsync("a", "anna", "v3");

        var article = (await Store.Articles.GetAsync("a", None))!;
        Assert.That((article.Status, article.LatestVersion, article.LiveVersion, article.CreatedAt), Is.EqualTo((StoredArticleStatus.Draft, 3, 2, T0)));
        Assert.That((await Store.Articles.VersionsAsync("a", None)).Select(v => (v.Number, v.Author, v.ShortAnswer)),
            Is.EqualTo(new[] { (1, "olga", "v1"), (2, "igor", "v2"), (3, "anna", "v3") }));
        Assert.That((await Store.Articles.TransitionsAsync("a", None)).Select(t => t.Kind), Is.EqualTo(new[]
        {
            StoredTransitionKind.Created, StoredTransitionKind.Edited, StoredTransitionKind.Submitted, StoredTransitionKind.Approved, StoredTransitionKind.Edited,
        }));
        Assert.That((await Store.Articles.ListLiveAsync(None)).Select(v => v.ShortAnswer), Is.EqualTo(new[] { "v2" }));
    }

    private Task<bool> CreateAsync(string id, string author, string shortAnswer) =>
        Store.Articles.ChangeAsync(id, record =>
        {
            if (record.Article is not null) return ArticleStep<bool>.Unchanged(false);
            var article = new StoredArticle
            {
                Id = id, Language = "en", Category = "roaming", Title = "Title 1", Status = StoredArticleStatus.Draft,
                LatestVersion = 1, CreatedAt = T0, UpdatedAt = T0,
            };
            return new ArticleStep<bool>(true, article, Version(id, 1, author, shortAnswer), Step(id, StoredTransitionKind.Created, null, StoredArticleStatus.Draft, 1, author));
        }, None);

    /// <summary>A new version on top of the newest, as an edit does: returns its number.</summary>
    private Task<int> EditAsync(string id, string author, string shortAnswer) =>
        Store.Articles.ChangeAsync(id, record =>
        {
            var article = record.Article!;
            var from = article.Status;
            var number = record.Versions[^1].Number + 1;
            article.LatestVersion = number;
            article.Status = StoredArticleStatus.Draft;
            return new ArticleStep<int>(number, article, Version(id, number, author, shortAnswer), Step(id, StoredTransitionKind.Edited, from, StoredArticleStatus.Draft, number, author));
        }, None);

    /// <summary>A workflow step that only an article in <paramref name="from"/> may take: false when it is not.</summary>
    private Task<bool> MoveAsync(string id, StoredArticleStatus from, StoredArticleStatus to, StoredTransitionKind kind, string actor) =>
        Store.Articles.ChangeAsync(id, record =>
        {
            var article = record.Article!;
            if (article.Status != from) return ArticleStep<bool>.Unchanged(false);
            article.Status = to;
            if (to == StoredArticleStatus.Published) article.LiveVersion = article.LatestVersion;
            return new ArticleStep<bool>(true, article, null, Step(id, kind, from, to, article.LatestVersion, actor));
        }, None);

    private static StoredArticleVersion Version(string id, int number, string author, string shortAnswer) => new()
    {
        Id = StoredArticleVersion.MakeId(id, number), ArticleId = id, Number = number, Author = author, SavedAt = T0,
        Language = "en", Category = "roaming", Title = "Title " + number,
        Questions = ["How much is roaming?", ""], Keywords = ["roaming"], ShortAnswer = shortAnswer, LongAnswer = "",
    };

    private static StoredArticleTransition Step(string id, StoredTransitionKind kind, StoredArticleStatus? from, StoredArticleStatus to, int version, string actor) => new()
    {
        ArticleId = id, Kind = kind, From = from, To = to, Version = version, Actor = actor, At = T0,
    };
}
