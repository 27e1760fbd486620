using SelfService.KnowledgeBase.Tests.TestSupport;

namespace SelfService.KnowledgeBase.Tests.Transfer;

[TestFixture]
public sealed class KnowledgeBaseImporterTests
{
    private KnowledgeBaseHarness _kb = null!;

    [SetUp]
    public void CreateKnowledgeBase() => _kb = new KnowledgeBaseHarness();

    [TearDown]
    public void DisposeKnowledgeBase() => _kb.Dispose();

    [Test]
    public void ImportFrom_SampleDirectory_PublishesEveryArticleAsImport()
    {
        var result = _kb.Importer.ImportFrom(KnowledgeBaseHarness.SampleDirectory);

        var articles = _kb.Articles.List();
        Assert.Multiple(() =>
        {
            Assert.That(result.Created, Is.EqualTo(articles.Count).And.GreaterThanOrEqualTo(60));
            Assert.That(articles.Select(a => a.Status), Is.All.EqualTo(ArticleStatus.Published));
            Assert.That(articles.Select(a => a.LastEditor), Is.All.EqualTo(KnowledgeBaseImporter.ImportAuthor));
            Assert.That(_kb.Articles.History(articles[0].Id).Transitions.Single().Kind, Is.EqualTo(TransitionKind.Imported));
            Assert.That(_kb.Search.Search("How do I check my balance?", "en", 1).Single().ArticleId, Is.EqualTo("check-balance-en"));
        });
    }

    [Test]
    public void Import_SameFileTwice_SecondImportChangesNothing()
    {
        _kb.Importer.Import(KnowledgeBaseFiles.Json(KnowledgeBaseFiles.Document(KnowledgeBaseFiles.RoamingEn(), KnowledgeBaseFiles.BalanceEn())));
        _kb.Time.Advance(TimeSpan.FromDays(1));

        var second = _kb.Importer.Import(KnowledgeBaseFiles.Json(KnowledgeBaseFiles.Document(KnowledgeBaseFiles.RoamingEn(), KnowledgeBaseFiles.BalanceEn())));

        Assert.Multiple(() =>
        {
            Assert.That(second, Is.EqualTo(new ImportResult(0, 0, 2, [])).Using<ImportResult>(SameCounts));
            Assert.That(_kb.Articles.History("roaming-en").Versions, Has.Count.EqualTo(1));
            Assert.That(_kb.Articles.History("roaming-en").Transitions, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void Import_ChangedArticle_PublishesItAsANewVersion()
    {
        _kb.Importer.Import(KnowledgeBaseFiles.Json(KnowledgeBaseFiles.Document(KnowledgeBaseFiles.RoamingEn(), KnowledgeBaseFiles.BalanceEn())));

        var result = _kb.Importer.Import(KnowledgeBaseFiles.Json(KnowledgeBaseFiles.Document(KnowledgeBaseFiles.RoamingEn("Send ACT ROAMING. It's free."), KnowledgeBaseFiles.BalanceEn())));

        var match = _kb.Search.Search("activate roaming", "en", 1).Single();
        Assert.Multiple(() =>
        {
            Assert.That((result.Created, result.Updated, result.Unchanged), Is.EqualTo((0, 1, 1)));
            Assert.That(_kb.Articles.Get("roaming-en")!.Live!.Number, Is.EqualTo(2));
            Assert.That((match.Version, match.ShortAnswer), Is.EqualTo((2, "Send ACT ROAMING. It's free.")));
        });
    }

    [Test]
    public void Import_ArticleWithPendingDraft_IsSkippedAndTheDraftKept()
    {
        _kb.Importer.Import(KnowledgeBaseFiles.Json(KnowledgeBaseFiles.Document(KnowledgeBaseFiles.RoamingEn())));
        _kb.Articles.EditDraft("roaming-en", Contents.RoamingEn("Editor's draft."), "anna");

        var result = _kb.Importer.Import(KnowledgeBaseFiles.Json(KnowledgeBaseFiles.Document(KnowledgeBaseFiles.RoamingEn("From the file."))));

        Assert.Multiple(() =>
        {
            Assert.That(result.SkippedIds, Is.EqualTo(new[] { "roaming-en" }));
            Assert.That(_kb.Articles.Get("roaming-en")!.Latest.Content.ShortAnswer, Is.EqualTo("Editor's draft."));
        });
    }

    [Test]
    public void Import_RetiredArticle_IsNotRevived()
    {
        _kb.Importer.Import(KnowledgeBaseFiles.Json(KnowledgeBaseFiles.Document(KnowledgeBaseFiles.RoamingEn())));
        _kb.Articles.Retire("roaming-en", "carol");

        var result = _kb.Importer.Import(KnowledgeBaseFiles.Json(KnowledgeBaseFiles.Document(KnowledgeBaseFiles.RoamingEn("New text."))));

        Assert.Multiple(() =>
        {
            Assert.That(result.SkippedIds, Is.EqualTo(new[] { "roaming-en" }));
            Assert.That(_kb.Search.Search("activate roaming", "en", 3), Is.Empty);
        });
    }

    [Test]
    public void Import_OneInvalidArticle_RejectsTheWholeFileAndWritesNothing()
    {
        var invalid = KnowledgeBaseFiles.BalanceEn().Replace("\"language\": \"en\"", "\"language\": \"de\"", StringComparison.Ordinal);

        var exception = Assert.Throws<KnowledgeBaseValidationException>(
            () => _kb.Importer.Import(KnowledgeBaseFiles.Json(KnowledgeBaseFiles.Document(KnowledgeBaseFiles.RoamingEn(), invalid))));

        Assert.Multiple(() =>
        {
            Assert.That(exception!.Errors, Has.Some.Contains("Article 'balance-en'").And.Some.Contains("'de' is not supported"));
            Assert.That(_kb.Articles.List(), Is.Empty);
        });
    }

    [Test]
    public void Import_DuplicateIds_AreRejected()
    {
        var exception = Assert.Throws<KnowledgeBaseValidationException>(
            () => _kb.Importer.Import(KnowledgeBaseFiles.Json(KnowledgeBaseFiles.Document(KnowledgeBaseFiles.RoamingEn(), KnowledgeBaseFiles.RoamingEn()))));

        Assert.That(exception!.Message, Does.Contain("more than once"));
    }

    [Test]
    public void Import_MisspeltField_IsRejectedRatherThanIgnored()
    {
        var misspelt = KnowledgeBaseFiles.RoamingEn().Replace("\"questions\"", "\"questons\"", StringComparison.Ordinal);

        Assert.Throws<KnowledgeBaseValidationException>(
            () => _kb.Importer.Import(KnowledgeBaseFiles.Json(KnowledgeBaseFiles.Document(misspelt))));
    }

    [TestCase("""{ "articles": [] }""")]
    [TestCase("""{ "format": "selfservice-kb/2", "articles": [] }""")]
    [TestCase("not json")]
    public void Import_NotAKnowledgeBaseFile_IsRejected(string json)
    {
        Assert.Throws<KnowledgeBaseValidationException>(() => _kb.Importer.Import(KnowledgeBaseFiles.Json(json)));
    }

    [Test]
    public void Import_LongAnswerAsLinesOrAsOneString_GivesTheSameText()
    {
        _kb.Importer.Import(KnowledgeBaseFiles.Json(KnowledgeBaseFiles.Document(KnowledgeBaseFiles.RoamingEn(), KnowledgeBaseFiles.BalanceEn())));

        Assert.Multiple(() =>
        {
            Assert.That(_kb.Articles.Get("roaming-en")!.Live!.Content.LongAnswer, Is.EqualTo("## Roaming\n\nSend **ACT ROAMING**."));
            Assert.That(_kb.Articles.Get("balance-en")!.Live!.Content.LongAnswer, Is.EqualTo("Send **BAL** or dial `*100#`."));
        });
    }

    [Test]
    public void ImportIfEmpty_EmptyKnowledgeBase_ImportsTheSamples()
    {
        var result = _kb.Importer.ImportIfEmpty(KnowledgeBaseHarness.SampleDirectory);

        Assert.That(result?.Created, Is.GreaterThanOrEqualTo(60));
    }

    [Test]
    public void ImportIfEmpty_KnowledgeBaseWithArticles_ImportsNothing()
    {
        _kb.Articles.CreateDraft(Contents.RoamingEn(), "anna", "roaming-en");

        var result = _kb.Importer.ImportIfEmpty(KnowledgeBaseHarness.SampleDirectory);

        Assert.Multiple(() =>
        {
            Assert.That(result, Is.Null);
            Assert.That(_kb.Articles.List(), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void ImportFrom_MissingPath_ThrowsFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => _kb.Importer.ImportFrom(Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.json")));
    }

    private static bool SameCounts(ImportResult a, ImportResult b) =>
        (a.Created, a.Updated, a.Unchanged) == (b.Created, b.Updated, b.Unchanged) && a.SkippedIds.SequenceEqual(b.SkippedIds);
}
