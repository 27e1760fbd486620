using LiteDB;
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
    public void CreateDraft_ValidContent_StartsAsDraftVersion1ByAuthor()
    {
        var article = Articles.CreateDraft(Contents.RoamingEn(), "anna", "roaming-en");

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
    public void CreateDraft_WithoutId_GeneratesIdFromCategoryAndLanguage()
    {
        var article = Articles.CreateDraft(Contents.RoamingEn(), "anna");

        Assert.That(article.Id, Does.StartWith("roaming-en-"));
    }

    [Test]
    public void CreateDraft_WhitespaceAroundFields_IsTrimmedAndLanguageLowerCased()
    {
        var content = Contents.RoamingEn() with { Language = " EN ", Title = "  Turning roaming on ", Questions = [" How do I activate roaming? "] };

        var article = Articles.CreateDraft(content, "anna", "roaming-en");

        Assert.Multiple(() =>
        {
            Assert.That(article.Language, Is.EqualTo("en"));
            Assert.That(article.Title, Is.EqualTo("Turning roaming on"));
            Assert.That(article.Latest.Content.Questions, Is.EqualTo(new[] { "How do I activate roaming?" }));
        });
    }

    [Test]
    public void CreateDraft_EmptyTitleQuestionsAndAnswers_ReportsEveryProblem()
    {
        var content = new ArticleContent("en", "roaming", " ", [], [], "", "");

        var exception = Assert.Throws<KnowledgeBaseValidationException>(() => Articles.CreateDraft(content, "anna", "roaming-en"));

        Assert.That(exception!.Errors, Has.Some.Contains("title is empty")
            .And.Some.Contains("at least one question")
            .And.Some.Contains("short answer is empty")
            .And.Some.Contains("long answer is empty"));
    }

    [Test]
    public void CreateDraft_BlankQuestionVariant_IsRejected()
    {
        var content = Contents.RoamingEn() with { Questions = ["How do I activate roaming?", "  "] };

        var exception = Assert.Throws<KnowledgeBaseValidationException>(() => Articles.CreateDraft(content, "anna", "roaming-en"));

        Assert.That(exception!.Errors, Has.Some.Contains("question 2 is empty"));
    }

    [TestCase("de")]
    [TestCase("")]
    [TestCase("russian")]
    public void CreateDraft_UnsupportedLanguage_IsRejected(string language)
    {
        var content = Contents.RoamingEn() with { Language = language };

        var exception = Assert.Throws<KnowledgeBaseValidationException>(() => Articles.CreateDraft(content, "anna", "roaming-en"));

        Assert.That(exception!.Message, Does.Contain("not supported").And.Contain("ru, en"));
    }

    [Test]
    public void CreateDraft_MultiLineShortAnswer_IsRejectedBecauseItGoesBySms()
    {
        var content = Contents.RoamingEn(shortAnswer: "Send ACT ROAMING.\nThat's all.");

        var exception = Assert.Throws<KnowledgeBaseValidationException>(() => Articles.CreateDraft(content, "anna", "roaming-en"));

        Assert.That(exception!.Message, Does.Contain("one paragraph"));
    }

    [TestCase("Roaming EN")]
    [TestCase("-roaming")]
    [TestCase("роуминг")]
    public void CreateDraft_InvalidId_IsRejected(string id)
    {
        Assert.Throws<KnowledgeBaseValidationException>(() => Articles.CreateDraft(Contents.RoamingEn(), "anna", id));
    }

    [Test]
    public void CreateDraft_ExistingId_IsRejected()
    {
        Articles.CreateDraft(Contents.RoamingEn(), "anna", "roaming-en");

        var exception = Assert.Throws<KnowledgeBaseValidationException>(() => Articles.CreateDraft(Contents.RoamingEn(), "boris", "roaming-en"));

        Assert.That(exception!.Message, Does.Contain("already exists"));
    }

    [Test]
    public void CreateDraft_NoAuthor_IsRejected()
    {
        Assert.Throws<KnowledgeBaseValidationException>(() => Articles.CreateDraft(Contents.RoamingEn(), " ", "roaming-en"));
    }

    [Test]
    public void EditDraft_Draft_SavesNewVersionWithAuthorAndTime()
    {
        Articles.CreateDraft(Contents.RoamingEn(), "anna", "roaming-en");
        _kb.Time.Advance(TimeSpan.FromMinutes(5));

        var article = Articles.EditDraft("roaming-en", Contents.RoamingEn("Send ACT ROAMING before you travel."), "boris");

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
    public void EditDraft_IdenticalContent_SavesNoVersion()
    {
        Articles.CreateDraft(Contents.RoamingEn(), "anna", "roaming-en");

        var article = Articles.EditDraft("roaming-en", Contents.RoamingEn(), "boris");

        Assert.That(article.Latest.Number, Is.EqualTo(1));
    }

    [Test]
    public void EditDraft_InReview_IsRejected()
    {
        Articles.CreateDraft(Contents.RoamingEn(), "anna", "roaming-en");
        Articles.Submit("roaming-en", "anna");

        var exception = Assert.Throws<KnowledgeBaseValidationException>(
            () => Articles.EditDraft("roaming-en", Contents.RoamingEn("Changed."), "anna"));

        Assert.That(exception!.Message, Does.Contain("in review"));
    }

    [Test]
    public void EditDraft_OtherLanguage_IsRejected()
    {
        Articles.CreateDraft(Contents.RoamingEn(), "anna", "roaming-en");

        var exception = Assert.Throws<KnowledgeBaseValidationException>(
            () => Articles.EditDraft("roaming-en", Contents.RoamingRu(), "anna"));

        Assert.That(exception!.Message, Does.Contain("language cannot change"));
    }

    [Test]
    public void EditDraft_UnknownArticle_ThrowsNotFound()
    {
        var exception = Assert.Throws<ArticleNotFoundException>(() => Articles.EditDraft("nope", Contents.RoamingEn(), "anna"));

        Assert.That(exception!.ArticleId, Is.EqualTo("nope"));
    }

    [Test]
    public void Submit_Draft_MovesToInReview()
    {
        Articles.CreateDraft(Contents.RoamingEn(), "anna", "roaming-en");

        var article = Articles.Submit("roaming-en", "anna");

        Assert.That(article.Status, Is.EqualTo(ArticleStatus.InReview));
    }

    [Test]
    public void Submit_AlreadyInReview_IsRejected()
    {
        Articles.CreateDraft(Contents.RoamingEn(), "anna", "roaming-en");
        Articles.Submit("roaming-en", "anna");

        Assert.Throws<KnowledgeBaseValidationException>(() => Articles.Submit("roaming-en", "anna"));
    }

    [Test]
    public void Submit_PublishedWithoutNewDraft_IsRejected()
    {
        _kb.Publish("roaming-en", Contents.RoamingEn());

        var exception = Assert.Throws<KnowledgeBaseValidationException>(() => Articles.Submit("roaming-en", "anna"));

        Assert.That(exception!.Message, Does.Contain("no draft to submit"));
    }

    [Test]
    public void Approve_DraftThatWasNotSubmitted_IsRejected()
    {
        Articles.CreateDraft(Contents.RoamingEn(), "anna", "roaming-en");

        var exception = Assert.Throws<KnowledgeBaseValidationException>(() => Articles.Approve("roaming-en", "boris"));

        Assert.Multiple(() =>
        {
            Assert.That(exception!.Message, Does.Contain("Draft, not InReview").And.Contain("Submit it for review first"));
            Assert.That(Articles.Get("roaming-en")!.Status, Is.EqualTo(ArticleStatus.Draft));
        });
    }

    [TestCase("anna")]
    [TestCase("ANNA")]
    [TestCase(" anna ")]
    public void Approve_ByTheLastEditor_IsRejected(string reviewer)
    {
        Articles.CreateDraft(Contents.RoamingEn(), "anna", "roaming-en");
        Articles.Submit("roaming-en", "anna");

        var exception = Assert.Throws<KnowledgeBaseValidationException>(() => Articles.Approve("roaming-en", reviewer));

        Assert.Multiple(() =>
        {
            Assert.That(exception!.Message, Does.Contain("reviewer must be someone other than the last editor"));
            Assert.That(Articles.Get("roaming-en")!.Status, Is.EqualTo(ArticleStatus.InReview));
        });
    }

    [Test]
    public void Approve_WhenSomeoneElseEditedLast_TheOriginalAuthorMayApprove()
    {
        Articles.CreateDraft(Contents.RoamingEn(), "anna", "roaming-en");
        Articles.EditDraft("roaming-en", Contents.RoamingEn("Send ACT ROAMING now."), "boris");
        Articles.Submit("roaming-en", "boris");

        var article = Articles.Approve("roaming-en", "anna");

        Assert.That(article.Status, Is.EqualTo(ArticleStatus.Published));
    }

    [Test]
    public void Approve_ByAnotherPerson_PublishesTheSubmittedVersion()
    {
        Articles.CreateDraft(Contents.RoamingEn(), "anna", "roaming-en");
        Articles.Submit("roaming-en", "anna");

        var article = Articles.Approve("roaming-en", "boris");

        Assert.Multiple(() =>
        {
            Assert.That(article.Status, Is.EqualTo(ArticleStatus.Published));
            Assert.That(article.Live, Is.Not.Null);
            Assert.That(article.Live!.Number, Is.EqualTo(1));
        });
    }

    [Test]
    public void Return_WithoutComment_IsRejected()
    {
        Articles.CreateDraft(Contents.RoamingEn(), "anna", "roaming-en");
        Articles.Submit("roaming-en", "anna");

        var exception = Assert.Throws<KnowledgeBaseValidationException>(() => Articles.Return("roaming-en", "boris", "  "));

        Assert.That(exception!.Message, Does.Contain("needs a comment"));
    }

    [Test]
    public void Return_ByTheLastEditor_IsRejected()
    {
        Articles.CreateDraft(Contents.RoamingEn(), "anna", "roaming-en");
        Articles.Submit("roaming-en", "anna");

        Assert.Throws<KnowledgeBaseValidationException>(() => Articles.Return("roaming-en", "anna", "Looks wrong."));
    }

    [Test]
    public void Return_NotInReview_IsRejected()
    {
        Articles.CreateDraft(Contents.RoamingEn(), "anna", "roaming-en");

        Assert.Throws<KnowledgeBaseValidationException>(() => Articles.Return("roaming-en", "boris", "Fix the price."));
    }

    [Test]
    public void Return_WithComment_KeepsCommentWhileEditedAndClearsItOnResubmit()
    {
        Articles.CreateDraft(Contents.RoamingEn(), "anna", "roaming-en");
        Articles.Submit("roaming-en", "anna");

        var returned = Articles.Return("roaming-en", "boris", "Mention the 300 RUB minimum balance.");
        var edited = Articles.EditDraft("roaming-en", Contents.RoamingEn("Send ACT ROAMING; keep 300 RUB on balance."), "anna");
        var resubmitted = Articles.Submit("roaming-en", "anna");
        var approved = Articles.Approve("roaming-en", "boris");

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
    public void Submit_ReturnedArticle_CanBeResubmittedWithoutEditing()
    {
        Articles.CreateDraft(Contents.RoamingEn(), "anna", "roaming-en");
        Articles.Submit("roaming-en", "anna");
        Articles.Return("roaming-en", "boris", "Wrong category?");

        var article = Articles.Submit("roaming-en", "anna");

        Assert.That(article.Status, Is.EqualTo(ArticleStatus.InReview));
    }

    [Test]
    public void EditDraft_PublishedArticle_KeepsPublishedVersionLiveUntilTheDraftIsApproved()
    {
        _kb.Publish("roaming-en", Contents.RoamingEn());

        var drafted = Articles.EditDraft("roaming-en", Contents.RoamingEn("Send ACT ROAMING. Activation is free."), "anna");
        var submitted = Articles.Submit("roaming-en", "anna");
        var approved = Articles.Approve("roaming-en", "boris");

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
    public void Retire_PublishedArticle_LeavesNothingLiveAndAllowsNoFurtherSteps()
    {
        _kb.Publish("roaming-en", Contents.RoamingEn());

        var retired = Articles.Retire("roaming-en", "carol", "Service discontinued.");

        Assert.Multiple(() =>
        {
            Assert.That(retired.Status, Is.EqualTo(ArticleStatus.Retired));
            Assert.That(retired.Live, Is.Null);
            Assert.That(Articles.ListPublished(), Is.Empty);
            Assert.Throws<KnowledgeBaseValidationException>(() => Articles.EditDraft("roaming-en", Contents.RoamingEn("New."), "anna"));
            Assert.Throws<KnowledgeBaseValidationException>(() => Articles.Submit("roaming-en", "anna"));
            Assert.Throws<KnowledgeBaseValidationException>(() => Articles.Retire("roaming-en", "carol"));
        });
    }

    [Test]
    public void History_FullLifecycle_RecordsEveryVersionAndStepWithWhoWhenAndWhy()
    {
        Articles.CreateDraft(Contents.RoamingEn(), "anna", "roaming-en");
        _kb.Time.Advance(TimeSpan.FromMinutes(1));
        Articles.Submit("roaming-en", "anna");
        _kb.Time.Advance(TimeSpan.FromMinutes(1));
        Articles.Return("roaming-en", "boris", "Add the price.");
        _kb.Time.Advance(TimeSpan.FromMinutes(1));
        Articles.EditDraft("roaming-en", Contents.RoamingEn("Send ACT ROAMING. Free."), "anna");
        _kb.Time.Advance(TimeSpan.FromMinutes(1));
        Articles.Submit("roaming-en", "anna");
        _kb.Time.Advance(TimeSpan.FromMinutes(1));
        Articles.Approve("roaming-en", "boris");
        _kb.Time.Advance(TimeSpan.FromMinutes(1));
        Articles.Retire("roaming-en", "carol");

        var history = Articles.History("roaming-en");

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
    public void History_UnknownArticle_ThrowsNotFound()
    {
        Assert.Throws<ArticleNotFoundException>(() => Articles.History("nope"));
    }

    [Test]
    public void Get_UnknownArticle_ReturnsNull()
    {
        Assert.That(Articles.Get("nope"), Is.Null);
    }

    [Test]
    public void List_Filters_MatchStatusLanguageCategoryAndText()
    {
        _kb.Publish("roaming-en", Contents.RoamingEn());
        _kb.Publish("roaming-ru", Contents.RoamingRu());
        Articles.CreateDraft(Contents.BalanceEn(), "anna", "balance-en");

        Assert.Multiple(() =>
        {
            Assert.That(Articles.List().Select(a => a.Id), Is.EqualTo(new[] { "balance-en", "roaming-en", "roaming-ru" }));
            Assert.That(Articles.List(new ArticleFilter(Status: ArticleStatus.Draft)).Select(a => a.Id), Is.EqualTo(new[] { "balance-en" }));
            Assert.That(Articles.List(new ArticleFilter(Language: "ru")).Select(a => a.Id), Is.EqualTo(new[] { "roaming-ru" }));
            Assert.That(Articles.List(new ArticleFilter(Category: "roaming", Language: "en")).Select(a => a.Id), Is.EqualTo(new[] { "roaming-en" }));
            Assert.That(Articles.List(new ArticleFilter(Text: "*100#")).Select(a => a.Id), Is.EqualTo(new[] { "balance-en" }));
            Assert.That(Articles.List(new ArticleFilter(Text: "ВКЛ роуминг")).Select(a => a.Id), Is.EqualTo(new[] { "roaming-ru" }));
        });
    }

    [Test]
    public void ListPublished_DraftOfPublishedArticle_ReturnsTheLiveVersionOnly()
    {
        _kb.Publish("roaming-en", Contents.RoamingEn());
        Articles.EditDraft("roaming-en", Contents.RoamingEn("Draft text."), "anna");
        Articles.CreateDraft(Contents.BalanceEn(), "anna", "balance-en");

        var published = Articles.ListPublished();

        Assert.That(published.Select(p => (p.Id, p.Version, p.Content.ShortAnswer)), Is.EqualTo(new[] { ("roaming-en", 1, "Send ACT ROAMING.") }));
    }

    [Test]
    public void Storage_UsesOnlyKbPrefixedCollections()
    {
        _kb.Publish("roaming-en", Contents.RoamingEn());

        Assert.That(_kb.Database.GetCollectionNames(), Is.Not.Empty.And.All.StartsWith("kb_"));
    }

    [Test]
    public void Storage_ReopenedDatabaseFile_KeepsStateHistoryAndExactTimes()
    {
        var path = Path.Combine(Path.GetTempPath(), $"kb-{Guid.NewGuid():N}.db");
        try
        {
            var time = new ManualTimeProvider(new DateTimeOffset(2025, 6, 30, 23, 59, 59, TimeSpan.Zero));
            using (var database = new LiteDatabase(path))
            {
                var articles = new ArticleService(database, time, []);
                articles.CreateDraft(Contents.RoamingRu(), "анна", "roaming-ru");
                time.Advance(TimeSpan.FromHours(1));
                articles.Submit("roaming-ru", "анна");
                articles.Approve("roaming-ru", "борис");
            }

            using (var database = new LiteDatabase(path))
            {
                var articles = new ArticleService(database, time, []);
                var article = articles.Get("roaming-ru")!;
                var history = articles.History("roaming-ru");

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
    public void EditDraft_ManyEditorsAtOnce_GetDistinctConsecutiveVersions()
    {
        Articles.CreateDraft(Contents.RoamingEn(), "anna", "roaming-en");

        Parallel.For(0, 24, i => Articles.EditDraft("roaming-en", Contents.RoamingEn($"Send ACT ROAMING ({i})."), $"editor{i}"));

        var history = Articles.History("roaming-en");
        Assert.Multiple(() =>
        {
            Assert.That(history.Versions.Select(v => v.Number), Is.EqualTo(Enumerable.Range(1, 25)));
            Assert.That(Articles.Get("roaming-en")!.Latest.Number, Is.EqualTo(25));
        });
    }

    [Test]
    public void RestoreVersion_OfAPublishedArticle_MakesTheOldContentANewDraftAndKeepsTheLiveVersion()
    {
        Articles.CreateDraft(Contents.RoamingEn(), "anna", "roaming-en");
        Articles.Submit("roaming-en", "anna");
        Articles.Approve("roaming-en", "boris");
        Articles.EditDraft("roaming-en", Contents.RoamingEn("Send ACT ROAMING to 100."), "anna");
        Articles.Submit("roaming-en", "anna");
        Articles.Approve("roaming-en", "boris");

        var restored = Articles.RestoreVersion("roaming-en", 1, "carol");

        Assert.Multiple(() =>
        {
            Assert.That(restored.Status, Is.EqualTo(ArticleStatus.Draft));
            Assert.That(restored.Latest.Number, Is.EqualTo(3));
            Assert.That(restored.Latest.Author, Is.EqualTo("carol"));
            Assert.That(restored.Latest.Content, Is.EqualTo(Contents.RoamingEn()));
            Assert.That(restored.Live!.Number, Is.EqualTo(2), "the restored text goes through review before it is live");
            var step = Articles.History("roaming-en").Transitions.Last();
            Assert.That((step.Kind, step.From, step.To, step.Version, step.Actor, step.Comment),
                Is.EqualTo((TransitionKind.Restored, (ArticleStatus?)ArticleStatus.Published, ArticleStatus.Draft, 3, "carol", "v1")));
        });
    }

    [Test]
    public void RestoreVersion_MissingVersion_IsRefusedWithTheRange()
    {
        Articles.CreateDraft(Contents.RoamingEn(), "anna", "roaming-en");

        var exception = Assert.Throws<KnowledgeBaseValidationException>(() => Articles.RestoreVersion("roaming-en", 7, "anna"));

        Assert.That(exception!.Message, Does.Contain("no version 7").And.Contain("versions 1 to 1"));
    }

    [Test]
    public void RestoreVersion_WhileInReview_IsRefusedLikeAnEdit()
    {
        Articles.CreateDraft(Contents.RoamingEn(), "anna", "roaming-en");
        Articles.EditDraft("roaming-en", Contents.RoamingEn("Send ACT ROAMING to 100."), "anna");
        Articles.Submit("roaming-en", "anna");

        var exception = Assert.Throws<KnowledgeBaseValidationException>(() => Articles.RestoreVersion("roaming-en", 1, "anna"));

        Assert.That(exception!.Message, Does.Contain("in review"));
        Assert.That(Articles.Get("roaming-en")!.Latest.Number, Is.EqualTo(2));
    }
}
