using SelfService.KnowledgeBase.Tests.TestSupport;

namespace SelfService.KnowledgeBase.Tests.Workflow;

[TestFixture]
public sealed class ArticleServiceTests
{
    private KnowledgeBaseHarness _kb = null!;

    private ArticleService Articles => _kb.Articles;

    [SetUp]
    public void CreateKnowledgeBase() => _kb = new KnowledgeBaseHarness();

    [TearDown]
    public void DisposeKnowledgeBase() => _kb.Dispose();

    [Test]
    public async Task CreateDraft_ValidContent_StartsAsDraftVersion1ByAuthor()
    {
        var article = await Articles.CreateDraftAsync(Contents.RoamingEn(), "anna", "roaming-en", CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(article.Id, Is.EqualTo("roaming-en"));
            Assert.That(article.Status, Is.EqualTo(ArticleStatus.Draft));
            Assert.That(article.Latest.Number, Is.EqualTo(1));
            Assert.That(article.Latest.Author, Is.EqualTo("anna"));
            Assert.That(article.Latest.SavedAt, Is.EqualTo(KnowledgeBaseHarness.Start));
            Assert.That(article.Live, Is.Null);
            Assert.That(article.Latest.Content, Is.EqualTo(Contents.RoamingEn()));
        });
    }

    [Test]
    public async Task CreateDraft_WithoutId_GeneratesIdFromCategoryAndLanguage()
    {
        var article = await Articles.CreateDraftAsync(Contents.RoamingEn(), "anna", null, CancellationToken.None);

        Assert.That(article.Id, Does.StartWith("roaming-en-"));
    }

    [Test]
    public async Task CreateDraft_WhitespaceAroundFields_IsTrimmedAndLanguageLowerCased()
    {
        var content = Contents.RoamingEn() with { Language = " EN ", Title = "  Turning roaming on ", Questions = [" How do I activate roaming? "] };

        var article = await Articles.CreateDraftAsync(content, "anna", "roaming-en", CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(article.Language, Is.EqualTo("en"));
            Assert.That(article.Title, Is.EqualTo("Turning roaming on"));
            Assert.That(article.Latest.Content.Questions, Is.EqualTo(new[] { "How do I activate roaming?" }));
        });
    }

    [Test]
    public async Task CreateDraft_EmptyTitleQuestionsAndAnswers_ReportsEveryProblem()
    {
        var content = new ArticleContent("en", "roaming", " ", [], [], "", "");

        var exception = await Assert.ThrowsAsync<KnowledgeBaseValidationException>(() => Articles.CreateDraftAsync(content, "anna", "roaming-en", CancellationToken.None));

        Assert.That(exception!.Errors, Has.Some.Contains("title is empty")
            .And.Some.Contains("at least one question")
            .And.Some.Contains("short answer is empty")
            .And.Some.Contains("long answer is empty"));
    }

    [Test]
    public async Task CreateDraft_BlankQuestionVariant_IsRejected()
    {
        var content = Contents.RoamingEn() with { Questions = ["How do I activate roaming?", "  "] };

        var exception = await Assert.ThrowsAsync<KnowledgeBaseValidationException>(() => Articles.CreateDraftAsync(content, "anna", "roaming-en", CancellationToken.None));

        Assert.That(exception!.Errors, Has.Some.Contains("question 2 is empty"));
    }

    [TestCase("de")]
    [TestCase("")]
    [TestCase("russian")]
    public async Task CreateDraft_UnsupportedLanguage_IsRejected(string language)
    {
        var content = Contents.RoamingEn() with { Language = language };

        var exception = await Assert.ThrowsAsync<KnowledgeBaseValidationException>(() => Articles.CreateDraftAsync(content, "anna", "roaming-en", CancellationToken.None));

        Assert.That(exception!.Message, Does.Contain("not supported").And.Contain("ru, en"));
    }

    [Test]
    public async Task CreateDraft_MultiLineShortAnswer_IsRejectedBecauseItGoesBySms()
    {
        var content = Contents.RoamingEn(shortAnswer: "Send ACT ROAMING.\nThat's all.");

        var exception = await Assert.ThrowsAsync<KnowledgeBaseValidationException>(() => Articles.CreateDraftAsync(content, "anna", "roaming-en", CancellationToken.None));

        Assert.That(exception!.Message, Does.Contain("one paragraph"));
    }

    [TestCase("Roaming EN")]
    [TestCase("-roaming")]
    [TestCase("роуминг")]
    public async Task CreateDraft_InvalidId_IsRejected(string id)
    {
        await Assert.ThrowsAsync<KnowledgeBaseValidationException>(() => Articles.CreateDraftAsync(Contents.RoamingEn(), "anna", id, CancellationToken.None));
    }

    [Test]
    public async Task CreateDraft_ExistingId_IsRejected()
    {
        await Articles.CreateDraftAsync(Contents.RoamingEn(), "anna", "roaming-en", CancellationToken.None);

        var exception = await Assert.ThrowsAsync<KnowledgeBaseValidationException>(() => Articles.CreateDraftAsync(Contents.RoamingEn(), "boris", "roaming-en", CancellationToken.None));

        Assert.That(exception!.Message, Does.Contain("already exists"));
    }

    [Test]
    public async Task CreateDraft_NoAuthor_IsRejected()
    {
        await Assert.ThrowsAsync<KnowledgeBaseValidationException>(() => Articles.CreateDraftAsync(Contents.RoamingEn(), " ", "roaming-en", CancellationToken.None));
    }

    [Test]
    public async Task EditDraft_Draft_SavesNewVersionWithAuthorAndTime()
    {
        await Articles.CreateDraftAsync(Contents.RoamingEn(), "anna", "roaming-en", CancellationToken.None);
        _kb.Time.Advance(TimeSpan.FromMinutes(5));

        var article = await Articles.EditDraftAsync("roaming-en", Contents.RoamingEn("Send ACT ROAMING before you travel."), "boris", CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(article.Status, Is.EqualTo(ArticleStatus.Draft));
            Assert.That(article.Latest.Number, Is.EqualTo(2));
            Assert.That(article.Latest.Author, Is.EqualTo("boris"));
            Assert.That(article.Latest.SavedAt, Is.EqualTo(KnowledgeBaseHarness.Start.AddMinutes(5)));
            Assert.That(article.Latest.Content.ShortAnswer, Is.EqualTo("Send ACT ROAMING before you travel."));
        });
    }

    [Test]
    public async Task EditDraft_IdenticalContent_SavesNoVersion()
    {
        await Articles.CreateDraftAsync(Contents.RoamingEn(), "anna", "roaming-en", CancellationToken.None);

        var article = await Articles.EditDraftAsync("roaming-en", Contents.RoamingEn(), "boris", CancellationToken.None);

        Assert.That(article.Latest.Number, Is.EqualTo(1));
    }

    [Test]
    public async Task EditDraft_InReview_IsRejected()
    {
        await Articles.CreateDraftAsync(Contents.RoamingEn(), "anna", "roaming-en", CancellationToken.None);
        await Articles.SubmitAsync("roaming-en", "anna", CancellationToken.None);

        var exception = await Assert.ThrowsAsync<KnowledgeBaseValidationException>(
            () => Articles.EditDraftAsync("roaming-en", Contents.RoamingEn("Changed."), "anna", CancellationToken.None));

        Assert.That(exception!.Message, Does.Contain("in review"));
    }

    [Test]
    public async Task EditDraft_OtherLanguage_IsRejected()
    {
        await Articles.CreateDraftAsync(Contents.RoamingEn(), "anna", "roaming-en", CancellationToken.None);

        var exception = await Assert.ThrowsAsync<KnowledgeBaseValidationException>(
            () => Articles.EditDraftAsync("roaming-en", Contents.RoamingRu(), "anna", CancellationToken.None));

        Assert.That(exception!.Message, Does.Contain("language cannot change"));
    }

    [Test]
    public async Task EditDraft_UnknownArticle_ThrowsNotFound()
    {
        var exception = await Assert.ThrowsAsync<ArticleNotFoundException>(() => Articles.EditDraftAsync("nope", Contents.RoamingEn(), "anna", CancellationToken.None));

        Assert.That(exception!.ArticleId, Is.EqualTo("nope"));
    }

    [Test]
    public async Task Submit_Draft_MovesToInReview()
    {
        await Articles.CreateDraftAsync(Contents.RoamingEn(), "anna", "roaming-en", CancellationToken.None);

        var article = await Articles.SubmitAsync("roaming-en", "anna", CancellationToken.None);

        Assert.That(article.Status, Is.EqualTo(ArticleStatus.InReview));
    }

    [Test]
    public async Task Submit_AlreadyInReview_IsRejected()
    {
        await Articles.CreateDraftAsync(Contents.RoamingEn(), "anna", "roaming-en", CancellationToken.None);
        await Articles.SubmitAsync("roaming-en", "anna", CancellationToken.None);

        await Assert.ThrowsAsync<KnowledgeBaseValidationException>(() => Articles.SubmitAsync("roaming-en", "anna", CancellationToken.None));
    }

    [Test]
    public async Task Submit_PublishedWithoutNewDraft_IsRejected()
    {
        await _kb.PublishAsync("roaming-en", Contents.RoamingEn());

        var exception = await Assert.ThrowsAsync<KnowledgeBaseValidationException>(() => Articles.SubmitAsync("roaming-en", "anna", CancellationToken.None));

        Assert.That(exception!.Message, Does.Contain("no draft to submit"));
    }

    [Test]
    public async Task Approve_DraftThatWasNotSubmitted_IsRejected()
    {
        await Articles.CreateDraftAsync(Contents.RoamingEn(), "anna", "roaming-en", CancellationToken.None);

        var exception = await Assert.ThrowsAsync<KnowledgeBaseValidationException>(() => Articles.ApproveAsync("roaming-en", "boris", CancellationToken.None));

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(exception!.Message, Does.Contain("Draft, not InReview").And.Contain("Submit it for review first"));
            Assert.That((await Articles.GetAsync("roaming-en", CancellationToken.None))!.Status, Is.EqualTo(ArticleStatus.Draft));
        });
    }

    [TestCase("anna")]
    [TestCase("ANNA")]
    [TestCase(" anna ")]
    public async Task Approve_ByTheLastEditor_IsRejected(string reviewer)
    {
        await Articles.CreateDraftAsync(Contents.RoamingEn(), "anna", "roaming-en", CancellationToken.None);
        await Articles.SubmitAsync("roaming-en", "anna", CancellationToken.None);

        var exception = await Assert.ThrowsAsync<KnowledgeBaseValidationException>(() => Articles.ApproveAsync("roaming-en", reviewer, CancellationToken.None));

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(exception!.Message, Does.Contain("reviewer must be someone other than the last editor"));
            Assert.That((await Articles.GetAsync("roaming-en", CancellationToken.None))!.Status, Is.EqualTo(ArticleStatus.InReview));
        });
    }

    [Test]
    public async Task Approve_WhenSomeoneElseEditedLast_TheOriginalAuthorMayApprove()
    {
        await Articles.CreateDraftAsync(Contents.RoamingEn(), "anna", "roaming-en", CancellationToken.None);
        await Articles.EditDraftAsync("roaming-en", Contents.RoamingEn("Send ACT ROAMING now."), "boris", CancellationToken.None);
        await Articles.SubmitAsync("roaming-en", "boris", CancellationToken.None);

        var article = await Articles.ApproveAsync("roaming-en", "anna", CancellationToken.None);

        Assert.That(article.Status, Is.EqualTo(ArticleStatus.Published));
    }

    [Test]
    public async Task Approve_ByAnotherPerson_PublishesTheSubmittedVersion()
    {
        await Articles.CreateDraftAsync(Contents.RoamingEn(), "anna", "roaming-en", CancellationToken.None);
        await Articles.SubmitAsync("roaming-en", "anna", CancellationToken.None);

        var article = await Articles.ApproveAsync("roaming-en", "boris", CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(article.Status, Is.EqualTo(ArticleStatus.Published));
            Assert.That(article.Live, Is.Not.Null);
            Assert.That(article.Live!.Number, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Return_WithoutComment_IsRejected()
    {
        await Articles.CreateDraftAsync(Contents.RoamingEn(), "anna", "roaming-en", CancellationToken.None);
        await Articles.SubmitAsync("roaming-en", "anna", CancellationToken.None);

        var exception = await Assert.ThrowsAsync<KnowledgeBaseValidationException>(() => Articles.ReturnAsync("roaming-en", "boris", "  ", CancellationToken.None));

        Assert.That(exception!.Message, Does.Contain("needs a comment"));
    }

    [Test]
    public async Task Return_ByTheLastEditor_IsRejected()
    {
        await Articles.CreateDraftAsync(Contents.RoamingEn(), "anna", "roaming-en", CancellationToken.None);
        await Articles.SubmitAsync("roaming-en", "anna", CancellationToken.None);

        await Assert.ThrowsAsync<KnowledgeBaseValidationException>(() => Articles.ReturnAsync("roaming-en", "anna", "Looks wrong.", CancellationToken.None));
    }

    [Test]
    public async Task Return_NotInReview_IsRejected()
    {
        await Articles.CreateDraftAsync(Contents.RoamingEn(), "anna", "roaming-en", CancellationToken.None);

        await Assert.ThrowsAsync<KnowledgeBaseValidationException>(() => Articles.ReturnAsync("roaming-en", "boris", "Fix the price.", CancellationToken.None));
    }

    [Test]
    public async Task Return_WithComment_KeepsCommentWhileEditedAndClearsItOnResubmit()
    {
        await Articles.CreateDraftAsync(Contents.RoamingEn(), "anna", "roaming-en", CancellationToken.None);
        await Articles.SubmitAsync("roaming-en", "anna", CancellationToken.None);

        var returned = await Articles.ReturnAsync("roaming-en", "boris", "Mention the 300 RUB minimum balance.", CancellationToken.None);
        var edited = await Articles.EditDraftAsync("roaming-en", Contents.RoamingEn("Send ACT ROAMING; keep 300 RUB on balance."), "anna", CancellationToken.None);
        var resubmitted = await Articles.SubmitAsync("roaming-en", "anna", CancellationToken.None);
        var approved = await Articles.ApproveAsync("roaming-en", "boris", CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(returned.Status, Is.EqualTo(ArticleStatus.Returned));
            Assert.That(returned.ReviewComment, Is.EqualTo("Mention the 300 RUB minimum balance."));
            Assert.That(edited.Status, Is.EqualTo(ArticleStatus.Draft));
            Assert.That(edited.ReviewComment, Is.EqualTo("Mention the 300 RUB minimum balance."));
            Assert.That(resubmitted.ReviewComment, Is.Null);
            Assert.That(approved.Live!.Number, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Submit_ReturnedArticle_CanBeResubmittedWithoutEditing()
    {
        await Articles.CreateDraftAsync(Contents.RoamingEn(), "anna", "roaming-en", CancellationToken.None);
        await Articles.SubmitAsync("roaming-en", "anna", CancellationToken.None);
        await Articles.ReturnAsync("roaming-en", "boris", "Wrong category?", CancellationToken.None);

        var article = await Articles.SubmitAsync("roaming-en", "anna", CancellationToken.None);

        Assert.That(article.Status, Is.EqualTo(ArticleStatus.InReview));
    }

    [Test]
    public async Task EditDraft_PublishedArticle_KeepsPublishedVersionLiveUntilTheDraftIsApproved()
    {
        await _kb.PublishAsync("roaming-en", Contents.RoamingEn());

        var drafted = await Articles.EditDraftAsync("roaming-en", Contents.RoamingEn("Send ACT ROAMING. Activation is free."), "anna", CancellationToken.None);
        var submitted = await Articles.SubmitAsync("roaming-en", "anna", CancellationToken.None);
        var approved = await Articles.ApproveAsync("roaming-en", "boris", CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(drafted.Status, Is.EqualTo(ArticleStatus.Draft));
            Assert.That(drafted.Latest.Number, Is.EqualTo(2));
            Assert.That(drafted.Live!.Number, Is.EqualTo(1));
            Assert.That(submitted.Live!.Content.ShortAnswer, Is.EqualTo("Send ACT ROAMING."));
            Assert.That(approved.Live!.Number, Is.EqualTo(2));
            Assert.That(approved.Live.Content.ShortAnswer, Is.EqualTo("Send ACT ROAMING. Activation is free."));
        });
    }

    [Test]
    public async Task Retire_PublishedArticle_LeavesNothingLiveAndAllowsNoFurtherSteps()
    {
        await _kb.PublishAsync("roaming-en", Contents.RoamingEn());

        var retired = await Articles.RetireAsync("roaming-en", "carol", "Service discontinued.", CancellationToken.None);

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(retired.Status, Is.EqualTo(ArticleStatus.Retired));
            Assert.That(retired.Live, Is.Null);
            Assert.That(await Articles.ListPublishedAsync(CancellationToken.None), Is.Empty);
            await Assert.ThrowsAsync<KnowledgeBaseValidationException>(() => Articles.EditDraftAsync("roaming-en", Contents.RoamingEn("New."), "anna", CancellationToken.None));
            await Assert.ThrowsAsync<KnowledgeBaseValidationException>(() => Articles.SubmitAsync("roaming-en", "anna", CancellationToken.None));
            await Assert.ThrowsAsync<KnowledgeBaseValidationException>(() => Articles.RetireAsync("roaming-en", "carol", null, CancellationToken.None));
        });
    }

    [Test]
    public async Task History_FullLifecycle_RecordsEveryVersionAndStepWithWhoWhenAndWhy()
    {
        await Articles.CreateDraftAsync(Contents.RoamingEn(), "anna", "roaming-en", CancellationToken.None);
        _kb.Time.Advance(TimeSpan.FromMinutes(1));
        await Articles.SubmitAsync("roaming-en", "anna", CancellationToken.None);
        _kb.Time.Advance(TimeSpan.FromMinutes(1));
        await Articles.ReturnAsync("roaming-en", "boris", "Add the price.", CancellationToken.None);
        _kb.Time.Advance(TimeSpan.FromMinutes(1));
        await Articles.EditDraftAsync("roaming-en", Contents.RoamingEn("Send ACT ROAMING. Free."), "anna", CancellationToken.None);
        _kb.Time.Advance(TimeSpan.FromMinutes(1));
        await Articles.SubmitAsync("roaming-en", "anna", CancellationToken.None);
        _kb.Time.Advance(TimeSpan.FromMinutes(1));
        await Articles.ApproveAsync("roaming-en", "boris", CancellationToken.None);
        _kb.Time.Advance(TimeSpan.FromMinutes(1));
        await Articles.RetireAsync("roaming-en", "carol", null, CancellationToken.None);

        var history = await Articles.HistoryAsync("roaming-en", CancellationToken.None);

        var start = KnowledgeBaseHarness.Start;
        Assert.Multiple(() =>
        {
            Assert.That(history.Versions.Select(v => (v.Number, v.Author, v.SavedAt)), Is.EqualTo(new[]
            {
                (1, "anna", start),
                (2, "anna", start.AddMinutes(3)),
            }));
            Assert.That(history.Versions[0].Content, Is.EqualTo(Contents.RoamingEn()));
            Assert.That(history.Transitions.Select(t => (t.Kind, t.From, t.To, t.Version, t.Actor, t.At, t.Comment)), Is.EqualTo(new (TransitionKind, ArticleStatus?, ArticleStatus, int, string, DateTimeOffset, string?)[]
            {
                (TransitionKind.Created, null, ArticleStatus.Draft, 1, "anna", start, null),
                (TransitionKind.Submitted, ArticleStatus.Draft, ArticleStatus.InReview, 1, "anna", start.AddMinutes(1), null),
                (TransitionKind.Returned, ArticleStatus.InReview, ArticleStatus.Returned, 1, "boris", start.AddMinutes(2), "Add the price."),
                (TransitionKind.Edited, ArticleStatus.Returned, ArticleStatus.Draft, 2, "anna", start.AddMinutes(3), null),
                (TransitionKind.Submitted, ArticleStatus.Draft, ArticleStatus.InReview, 2, "anna", start.AddMinutes(4), null),
                (TransitionKind.Approved, ArticleStatus.InReview, ArticleStatus.Published, 2, "boris", start.AddMinutes(5), null),
                (TransitionKind.Retired, ArticleStatus.Published, ArticleStatus.Retired, 2, "carol", start.AddMinutes(6), null),
            }));
        });
    }

    [Test]
    public async Task History_UnknownArticle_ThrowsNotFound()
    {
        await Assert.ThrowsAsync<ArticleNotFoundException>(() => Articles.HistoryAsync("nope", CancellationToken.None));
    }

    [Test]
    public async Task Get_UnknownArticle_ReturnsNull()
    {
        Assert.That(await Articles.GetAsync("nope", CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task List_Filters_MatchStatusLanguageCategoryAndText()
    {
        await _kb.PublishAsync("roaming-en", Contents.RoamingEn());
        await _kb.PublishAsync("roaming-ru", Contents.RoamingRu());
        await Articles.CreateDraftAsync(Contents.BalanceEn(), "anna", "balance-en", CancellationToken.None);

        await Assert.MultipleAsync(async () =>
        {
            Assert.That((await Articles.ListAsync(null, CancellationToken.None)).Select(a => a.Id), Is.EqualTo(new[] { "balance-en", "roaming-en", "roaming-ru" }));
            Assert.That((await Articles.ListAsync(new ArticleFilter(Status: ArticleStatus.Draft), CancellationToken.None)).Select(a => a.Id), Is.EqualTo(new[] { "balance-en" }));
            Assert.That((await Articles.ListAsync(new ArticleFilter(Language: "ru"), CancellationToken.None)).Select(a => a.Id), Is.EqualTo(new[] { "roaming-ru" }));
            Assert.That((await Articles.ListAsync(new ArticleFilter(Category: "roaming", Language: "en"), CancellationToken.None)).Select(a => a.Id), Is.EqualTo(new[] { "roaming-en" }));
            Assert.That((await Articles.ListAsync(new ArticleFilter(Text: "*100#"), CancellationToken.None)).Select(a => a.Id), Is.EqualTo(new[] { "balance-en" }));
            Assert.That((await Articles.ListAsync(new ArticleFilter(Text: "ВКЛ роуминг"), CancellationToken.None)).Select(a => a.Id), Is.EqualTo(new[] { "roaming-ru" }));
        });
    }

    [Test]
    public async Task ListPublished_DraftOfPublishedArticle_ReturnsTheLiveVersionOnly()
    {
        await _kb.PublishAsync("roaming-en", Contents.RoamingEn());
        await Articles.EditDraftAsync("roaming-en", Contents.RoamingEn("Draft text."), "anna", CancellationToken.None);
        await Articles.CreateDraftAsync(Contents.BalanceEn(), "anna", "balance-en", CancellationToken.None);

        var published = await Articles.ListPublishedAsync(CancellationToken.None);

        Assert.That(published.Select(p => (p.Id, p.Version, p.Content.ShortAnswer)), Is.EqualTo(new[] { ("roaming-en", 1, "Send ACT ROAMING.") }));
    }

    [Test]
    public async Task Storage_ReopenedDatabaseFile_KeepsStateHistoryAndExactTimes()
    {
        var path = Path.Combine(Path.GetTempPath(), $"kb-{Guid.NewGuid():N}.db");
        try
        {
            var time = new ManualTimeProvider(new DateTimeOffset(2025, 6, 30, 23, 59, 59, TimeSpan.Zero));
            using (var kb = new KnowledgeBaseHarness(file: path, time: time))
            {
                var articles = kb.Articles;
                await articles.CreateDraftAsync(Contents.RoamingRu(), "анна", "roaming-ru", CancellationToken.None);
                time.Advance(TimeSpan.FromHours(1));
                await articles.SubmitAsync("roaming-ru", "анна", CancellationToken.None);
                await articles.ApproveAsync("roaming-ru", "борис", CancellationToken.None);
            }

            using (var kb = await KnowledgeBaseHarness.ReopenAsync(path, time))
            {
                var articles = kb.Articles;
                var article = (await articles.GetAsync("roaming-ru", CancellationToken.None))!;
                var history = await articles.HistoryAsync("roaming-ru", CancellationToken.None);

                Assert.Multiple(() =>
                {
                    Assert.That(article.Status, Is.EqualTo(ArticleStatus.Published));
                    Assert.That(article.Live!.Content, Is.EqualTo(Contents.RoamingRu()));
                    Assert.That(article.Latest.SavedAt, Is.EqualTo(new DateTimeOffset(2025, 6, 30, 23, 59, 59, TimeSpan.Zero)));
                    Assert.That(history.Transitions.Last().At, Is.EqualTo(new DateTimeOffset(2025, 7, 1, 0, 59, 59, TimeSpan.Zero)));
                    Assert.That(history.Transitions.Last().Actor, Is.EqualTo("борис"));
                });
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public async Task EditDraft_ManyEditorsAtOnce_GetDistinctConsecutiveVersions()
    {
        await Articles.CreateDraftAsync(Contents.RoamingEn(), "anna", "roaming-en", CancellationToken.None);

        await Task.WhenAll(Enumerable.Range(0, 24).Select(i =>
            Task.Run(() => Articles.EditDraftAsync("roaming-en", Contents.RoamingEn($"Send ACT ROAMING ({i})."), $"editor{i}", CancellationToken.None))));

        var history = await Articles.HistoryAsync("roaming-en", CancellationToken.None);
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(history.Versions.Select(v => v.Number), Is.EqualTo(Enumerable.Range(1, 25)));
            Assert.That((await Articles.GetAsync("roaming-en", CancellationToken.None))!.Latest.Number, Is.EqualTo(25));
        });
    }

    [Test]
    public async Task RestoreVersion_OfAPublishedArticle_MakesTheOldContentANewDraftAndKeepsTheLiveVersion()
    {
        await Articles.CreateDraftAsync(Contents.RoamingEn(), "anna", "roaming-en", CancellationToken.None);
        await Articles.SubmitAsync("roaming-en", "anna", CancellationToken.None);
        await Articles.ApproveAsync("roaming-en", "boris", CancellationToken.None);
        await Articles.EditDraftAsync("roaming-en", Contents.RoamingEn("Send ACT ROAMING to 100."), "anna", CancellationToken.None);
        await Articles.SubmitAsync("roaming-en", "anna", CancellationToken.None);
        await Articles.ApproveAsync("roaming-en", "boris", CancellationToken.None);

        var restored = await Articles.RestoreVersionAsync("roaming-en", 1, "carol", CancellationToken.None);

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(restored.Status, Is.EqualTo(ArticleStatus.Draft));
            Assert.That(restored.Latest.Number, Is.EqualTo(3));
            Assert.That(restored.Latest.Author, Is.EqualTo("carol"));
            Assert.That(restored.Latest.Content, Is.EqualTo(Contents.RoamingEn()));
            Assert.That(restored.Live!.Number, Is.EqualTo(2), "the restored text goes through review before it is live");
            var step = (await Articles.HistoryAsync("roaming-en", CancellationToken.None)).Transitions.Last();
            Assert.That((step.Kind, step.From, step.To, step.Version, step.Actor, step.Comment),
                Is.EqualTo((TransitionKind.Restored, (ArticleStatus?)ArticleStatus.Published, ArticleStatus.Draft, 3, "carol", "v1")));
        });
    }

    [Test]
    public async Task RestoreVersion_MissingVersion_IsRefusedWithTheRange()
    {
        await Articles.CreateDraftAsync(Contents.RoamingEn(), "anna", "roaming-en", CancellationToken.None);

        var exception = await Assert.ThrowsAsync<KnowledgeBaseValidationException>(() => Articles.RestoreVersionAsync("roaming-en", 7, "anna", CancellationToken.None));

        Assert.That(exception!.Message, Does.Contain("no version 7").And.Contain("versions 1 to 1"));
    }

    [Test]
    public async Task RestoreVersion_WhileInReview_IsRefusedLikeAnEdit()
    {
        await Articles.CreateDraftAsync(Contents.RoamingEn(), "anna", "roaming-en", CancellationToken.None);
        await Articles.EditDraftAsync("roaming-en", Contents.RoamingEn("Send ACT ROAMING to 100."), "anna", CancellationToken.None);
        await Articles.SubmitAsync("roaming-en", "anna", CancellationToken.None);

        var exception = await Assert.ThrowsAsync<KnowledgeBaseValidationException>(() => Articles.RestoreVersionAsync("roaming-en", 1, "anna", CancellationToken.None));

        Assert.That(exception!.Message, Does.Contain("in review"));
        Assert.That((await Articles.GetAsync("roaming-en", CancellationToken.None))!.Latest.Number, Is.EqualTo(2));
    }
}
