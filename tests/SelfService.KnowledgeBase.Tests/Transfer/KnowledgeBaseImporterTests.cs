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
    public async Task ImportFrom_SampleDirectory_PublishesEveryArticleAsImport()
    {
        var result = await _kb.Importer.ImportFromAsync(KnowledgeBaseHarness.SampleDirectory, CancellationToken.None);

        var articles = await _kb.Articles.ListAsync(null, CancellationToken.None);
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(result.Created, Is.EqualTo(articles.Count).And.GreaterThanOrEqualTo(60));
            Assert.That(articles.Select(a => a.Status), Is.All.EqualTo(ArticleStatus.Published));
            Assert.That(articles.Select(a => a.LastEditor), Is.All.EqualTo(KnowledgeBaseImporter.ImportAuthor));
            Assert.That((await _kb.Articles.HistoryAsync(articles[0].Id, CancellationToken.None)).Transitions.Single().Kind, Is.EqualTo(TransitionKind.Imported));
            Assert.That(_kb.Search.Search("How do I check my balance?", "en", 1).Single().ArticleId, Is.EqualTo("check-balance-en"));
        });
    }

    [Test]
    public async Task Import_SameFileTwice_SecondImportChangesNothing()
    {
        await _kb.Importer.ImportAsync(KnowledgeBaseFiles.Json(KnowledgeBaseFiles.Document(KnowledgeBaseFiles.RoamingEn(), KnowledgeBaseFiles.BalanceEn())), CancellationToken.None);
        _kb.Time.Advance(TimeSpan.FromDays(1));

        var second = await _kb.Importer.ImportAsync(KnowledgeBaseFiles.Json(KnowledgeBaseFiles.Document(KnowledgeBaseFiles.RoamingEn(), KnowledgeBaseFiles.BalanceEn())), CancellationToken.None);

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(second, Is.EqualTo(new ImportResult(0, 0, 2, [])).Using<ImportResult>(SameCounts));
            Assert.That((await _kb.Articles.HistoryAsync("roaming-en", CancellationToken.None)).Versions, Has.Count.EqualTo(1));
            Assert.That((await _kb.Articles.HistoryAsync("roaming-en", CancellationToken.None)).Transitions, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Import_ChangedArticle_PublishesItAsANewVersion()
    {
        await _kb.Importer.ImportAsync(KnowledgeBaseFiles.Json(KnowledgeBaseFiles.Document(KnowledgeBaseFiles.RoamingEn(), KnowledgeBaseFiles.BalanceEn())), CancellationToken.None);

        var result = await _kb.Importer.ImportAsync(KnowledgeBaseFiles.Json(KnowledgeBaseFiles.Document(KnowledgeBaseFiles.RoamingEn("Send ACT ROAMING. It's free."), KnowledgeBaseFiles.BalanceEn())), CancellationToken.None);

        var match = _kb.Search.Search("activate roaming", "en", 1).Single();
        await Assert.MultipleAsync(async () =>
        {
            Assert.That((result.Created, result.Updated, result.Unchanged), Is.EqualTo((0, 1, 1)));
            Assert.That((await _kb.Articles.GetAsync("roaming-en", CancellationToken.None))!.Live!.Number, Is.EqualTo(2));
            Assert.That((match.Version, match.ShortAnswer), Is.EqualTo((2, "Send ACT ROAMING. It's free.")));
        });
    }

    [Test]
    public async Task Import_ArticleWithPendingDraft_IsSkippedAndTheDraftKept()
    {
        await _kb.Importer.ImportAsync(KnowledgeBaseFiles.Json(KnowledgeBaseFiles.Document(KnowledgeBaseFiles.RoamingEn())), CancellationToken.None);
        await _kb.Articles.EditDraftAsync("roaming-en", Contents.RoamingEn("Editor's draft."), "anna", CancellationToken.None);

        var result = await _kb.Importer.ImportAsync(KnowledgeBaseFiles.Json(KnowledgeBaseFiles.Document(KnowledgeBaseFiles.RoamingEn("From the file."))), CancellationToken.None);

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(result.SkippedIds, Is.EqualTo(new[] { "roaming-en" }));
            Assert.That((await _kb.Articles.GetAsync("roaming-en", CancellationToken.None))!.Latest.Content.ShortAnswer, Is.EqualTo("Editor's draft."));
        });
    }

    [Test]
    public async Task Import_RetiredArticle_IsNotRevived()
    {
        await _kb.Importer.ImportAsync(KnowledgeBaseFiles.Json(KnowledgeBaseFiles.Document(KnowledgeBaseFiles.RoamingEn())), CancellationToken.None);
        await _kb.Articles.RetireAsync("roaming-en", "carol", null, CancellationToken.None);

        var result = await _kb.Importer.ImportAsync(KnowledgeBaseFiles.Json(KnowledgeBaseFiles.Document(KnowledgeBaseFiles.RoamingEn("New text."))), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.SkippedIds, Is.EqualTo(new[] { "roaming-en" }));
            Assert.That(_kb.Search.Search("activate roaming", "en", 3), Is.Empty);
        });
    }

    [Test]
    public async Task Import_OneInvalidArticle_RejectsTheWholeFileAndWritesNothing()
    {
        var invalid = KnowledgeBaseFiles.BalanceEn().Replace("\"language\": \"en\"", "\"language\": \"de\"", StringComparison.Ordinal);

        var exception = await Assert.ThrowsAsync<KnowledgeBaseValidationException>(
            () => _kb.Importer.ImportAsync(KnowledgeBaseFiles.Json(KnowledgeBaseFiles.Document(KnowledgeBaseFiles.RoamingEn(), invalid)), CancellationToken.None));

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(exception!.Errors, Has.Some.Contains("Article 'balance-en'").And.Some.Contains("'de' is not supported"));
            Assert.That(await _kb.Articles.ListAsync(null, CancellationToken.None), Is.Empty);
        });
    }

    [Test]
    public async Task Import_DuplicateIds_AreRejected()
    {
        var exception = await Assert.ThrowsAsync<KnowledgeBaseValidationException>(
            () => _kb.Importer.ImportAsync(KnowledgeBaseFiles.Json(KnowledgeBaseFiles.Document(KnowledgeBaseFiles.RoamingEn(), KnowledgeBaseFiles.RoamingEn())), CancellationToken.None));

        Assert.That(exception!.Message, Does.Contain("more than once"));
    }

    [Test]
    public async Task Import_MisspeltField_IsRejectedRatherThanIgnored()
    {
        var misspelt = KnowledgeBaseFiles.RoamingEn().Replace("\"questions\"", "\"questons\"", StringComparison.Ordinal);

        await Assert.ThrowsAsync<KnowledgeBaseValidationException>(
            () => _kb.Importer.ImportAsync(KnowledgeBaseFiles.Json(KnowledgeBaseFiles.Document(misspelt)), CancellationToken.None));
    }

    [TestCase("""{ "articles": [] }""")]
    [TestCase("""{ "format": "selfservice-kb/2", "articles": [] }""")]
    [TestCase("not json")]
    public async Task Import_NotAKnowledgeBaseFile_IsRejected(string json)
    {
        await Assert.ThrowsAsync<KnowledgeBaseValidationException>(() => _kb.Importer.ImportAsync(KnowledgeBaseFiles.Json(json), CancellationToken.None));
    }

    [Test]
    public async Task Import_LongAnswerAsLinesOrAsOneString_GivesTheSameText()
    {
        await _kb.Importer.ImportAsync(KnowledgeBaseFiles.Json(KnowledgeBaseFiles.Document(KnowledgeBaseFiles.RoamingEn(), KnowledgeBaseFiles.BalanceEn())), CancellationToken.None);

        await Assert.MultipleAsync(async () =>
        {
            Assert.That((await _kb.Articles.GetAsync("roaming-en", CancellationToken.None))!.Live!.Content.LongAnswer, Is.EqualTo("## Roaming\n\nSend **ACT ROAMING**."));
            Assert.That((await _kb.Articles.GetAsync("balance-en", CancellationToken.None))!.Live!.Content.LongAnswer, Is.EqualTo("Send **BAL** or dial `*100#`."));
        });
    }

    [Test]
    public async Task ImportIfEmpty_EmptyKnowledgeBase_ImportsTheSamples()
    {
        var result = await _kb.Importer.ImportIfEmptyAsync(KnowledgeBaseHarness.SampleDirectory, CancellationToken.None);

        Assert.That(result?.Created, Is.GreaterThanOrEqualTo(60));
    }

    [Test]
    public async Task ImportIfEmpty_KnowledgeBaseWithArticles_ImportsNothing()
    {
        await _kb.Articles.CreateDraftAsync(Contents.RoamingEn(), "anna", "roaming-en", CancellationToken.None);

        var result = await _kb.Importer.ImportIfEmptyAsync(KnowledgeBaseHarness.SampleDirectory, CancellationToken.None);

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(result, Is.Null);
            Assert.That(await _kb.Articles.ListAsync(null, CancellationToken.None), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task ImportFrom_MissingPath_ThrowsFileNotFound()
    {
        await Assert.ThrowsAsync<FileNotFoundException>(() => _kb.Importer.ImportFromAsync(Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.json"), CancellationToken.None));
    }

    private static bool SameCounts(ImportResult a, ImportResult b) =>
        (a.Created, a.Updated, a.Unchanged) == (b.Created, b.Updated, b.Unchanged) && a.SkippedIds.SequenceEqual(b.SkippedIds);
}
