using System.Text.Json;
using SelfService.KnowledgeBase.Tests.TestSupport;

namespace SelfService.KnowledgeBase.Tests.Transfer;

[TestFixture]
public sealed class KnowledgeBaseExporterTests
{
    [Test]
    public void Export_ImportedIntoAnEmptyDatabase_ReproducesEveryPublishedArticle()
    {
        using var source = KnowledgeBaseHarness.WithSamples();
        using var target = new KnowledgeBaseHarness();

        target.Importer.Import(Export(source));

        Assert.That(
            target.Articles.ListPublished().Select(a => (a.Id, a.Content)),
            Is.EqualTo(source.Articles.ListPublished().Select(a => (a.Id, a.Content))));
    }

    [Test]
    public void Export_ReimportedIntoTheSameDatabase_ChangesNothing()
    {
        using var kb = KnowledgeBaseHarness.WithSamples();

        var result = kb.Importer.Import(Export(kb));

        Assert.Multiple(() =>
        {
            Assert.That((result.Created, result.Updated, result.SkippedIds.Count), Is.EqualTo((0, 0, 0)));
            Assert.That(result.Unchanged, Is.EqualTo(kb.Articles.ListPublished().Count));
        });
    }

    [Test]
    public void Export_AfterARoundTrip_IsByteForByteTheSame()
    {
        using var source = KnowledgeBaseHarness.WithSamples();
        using var target = new KnowledgeBaseHarness();
        var first = Export(source).ToArray();

        target.Importer.Import(new MemoryStream(first));
        var second = Export(target).ToArray();

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void Export_PublishedArticleWithNewDraft_ExportsTheLiveVersionAndNoDrafts()
    {
        using var kb = new KnowledgeBaseHarness();
        kb.Publish("roaming-en", Contents.RoamingEn());
        kb.Articles.EditDraft("roaming-en", Contents.RoamingEn("Draft text."), "anna");
        kb.Articles.CreateDraft(Contents.BalanceEn(), "anna", "balance-en");

        using var json = JsonDocument.Parse(Export(kb));

        var articles = json.RootElement.GetProperty("articles").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(json.RootElement.GetProperty("format").GetString(), Is.EqualTo("selfservice-kb/1"));
            Assert.That(articles.Select(a => a.GetProperty("id").GetString()), Is.EqualTo(new[] { "roaming-en" }));
            Assert.That(articles[0].GetProperty("shortAnswer").GetString(), Is.EqualTo("Send ACT ROAMING."));
        });
    }

    [Test]
    public void Export_LanguageFilter_WritesOnlyThatLanguage()
    {
        using var kb = KnowledgeBaseHarness.WithSamples();
        using var stream = new MemoryStream();

        kb.Exporter.Export(stream, "ru");

        using var json = JsonDocument.Parse(stream.ToArray());
        Assert.That(
            json.RootElement.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("language").GetString()),
            Is.Not.Empty.And.All.EqualTo("ru"));
    }

    [Test]
    public void Export_Cyrillic_IsWrittenReadablyNotEscaped()
    {
        using var kb = new KnowledgeBaseHarness();
        kb.Publish("roaming-ru", Contents.RoamingRu());

        var text = System.Text.Encoding.UTF8.GetString(Export(kb).ToArray());

        Assert.That(text, Does.Contain("Как подключить роуминг"));
    }

    private static MemoryStream Export(KnowledgeBaseHarness kb)
    {
        var stream = new MemoryStream();
        kb.Exporter.Export(stream);
        stream.Position = 0;
        return stream;
    }
}
