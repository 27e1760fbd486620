using System.Text.Json;
using SelfService.KnowledgeBase.Tests.TestSupport;

namespace SelfService.KnowledgeBase.Tests.Transfer;

[TestFixture]
public sealed class KnowledgeBaseExporterTests
{
    [Test]
    public async Task Export_ImportedIntoAnEmptyDatabase_ReproducesEveryPublishedArticle()
    {
        using var source = await KnowledgeBaseHarness.WithSamplesAsync();
        using var target = new KnowledgeBaseHarness();

        await target.Importer.ImportAsync(await ExportAsync(source), CancellationToken.None);

        Assert.That(
            (await target.Articles.ListPublishedAsync(CancellationToken.None)).Select(a => (a.Id, a.Content)),
            Is.EqualTo((await source.Articles.ListPublishedAsync(CancellationToken.None)).Select(a => (a.Id, a.Content))));
    }

    [Test]
    public async Task Export_ReimportedIntoTheSameDatabase_ChangesNothing()
    {
        using var kb = await KnowledgeBaseHarness.WithSamplesAsync();

        var result = await kb.Importer.ImportAsync(await ExportAsync(kb), CancellationToken.None);

        await Assert.MultipleAsync(async () =>
        {
            Assert.That((result.Created, result.Updated, result.SkippedIds.Count), Is.EqualTo((0, 0, 0)));
            Assert.That(result.Unchanged, Is.EqualTo((await kb.Articles.ListPublishedAsync(CancellationToken.None)).Count));
        });
    }

    [Test]
    public async Task Export_AfterARoundTrip_IsByteForByteTheSame()
    {
        using var source = await KnowledgeBaseHarness.WithSamplesAsync();
        using var target = new KnowledgeBaseHarness();
        var first = (await ExportAsync(source)).ToArray();

        await target.Importer.ImportAsync(new MemoryStream(first), CancellationToken.None);
        var second = (await ExportAsync(target)).ToArray();

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public async Task Export_PublishedArticleWithNewDraft_ExportsTheLiveVersionAndNoDrafts()
    {
        using var kb = new KnowledgeBaseHarness();
        await kb.PublishAsync("roaming-en", Contents.RoamingEn());
        await kb.Articles.EditDraftAsync("roaming-en", Contents.RoamingEn("Draft text."), "anna", CancellationToken.None);
        await kb.Articles.CreateDraftAsync(Contents.BalanceEn(), "anna", "balance-en", CancellationToken.None);

        using var json = JsonDocument.Parse(await ExportAsync(kb));

        var articles = json.RootElement.GetProperty("articles").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(json.RootElement.GetProperty("format").GetString(), Is.EqualTo("selfservice-kb/1"));
            Assert.That(articles.Select(a => a.GetProperty("id").GetString()), Is.EqualTo(new[] { "roaming-en" }));
            Assert.That(articles[0].GetProperty("shortAnswer").GetString(), Is.EqualTo("Send ACT ROAMING."));
        });
    }

    [Test]
    public async Task Export_LanguageFilter_WritesOnlyThatLanguage()
    {
        using var kb = await KnowledgeBaseHarness.WithSamplesAsync();
        using var stream = new MemoryStream();

        await kb.Exporter.ExportAsync(stream, "ru", CancellationToken.None);

        using var json = JsonDocument.Parse(stream.ToArray());
        Assert.That(
            json.RootElement.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("language").GetString()),
            Is.Not.Empty.And.All.EqualTo("ru"));
    }

    [Test]
    public async Task Export_Cyrillic_IsWrittenReadablyNotEscaped()
    {
        using var kb = new KnowledgeBaseHarness();
        await kb.PublishAsync("roaming-ru", Contents.RoamingRu());

        var text = System.Text.Encoding.UTF8.GetString((await ExportAsync(kb)).ToArray());

        Assert.That(text, Does.Contain("Как подключить роуминг"));
    }

    private static async Task<MemoryStream> ExportAsync(KnowledgeBaseHarness kb)
    {
        var stream = new MemoryStream();
        await kb.Exporter.ExportAsync(stream, null, CancellationToken.None);
        stream.Position = 0;
        return stream;
    }
}
