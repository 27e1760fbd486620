using LiteDB;
using Microsoft.Extensions.Options;

namespace SelfService.KnowledgeBase.Tests.TestSupport;

/// <summary>An in-memory knowledge base wired the way the host wires it: one database, one search, the workflow, import/export.</summary>
internal sealed class KnowledgeBaseHarness : IDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public KnowledgeBaseHarness(KnowledgeBaseOptions? options = null, LiteDatabase? database = null)
    {
        Options = options ?? new KnowledgeBaseOptions();
        Database = database ?? new LiteDatabase(new MemoryStream());
        Time = new ManualTimeProvider(Start);
        Search = new LuceneKnowledgeSearch(Database, Microsoft.Extensions.Options.Options.Create(Options));
        Articles = new ArticleService(Database, Time, [Search]);
        Importer = new KnowledgeBaseImporter(Articles);
        Exporter = new KnowledgeBaseExporter(Articles);
    }

    public static string SampleDirectory => Path.Combine(TestContext.CurrentContext.TestDirectory, "SampleKnowledgeBase");

    public KnowledgeBaseOptions Options { get; }

    public LiteDatabase Database { get; }

    public ManualTimeProvider Time { get; }

    public LuceneKnowledgeSearch Search { get; }

    public ArticleService Articles { get; }

    public KnowledgeBaseImporter Importer { get; }

    public KnowledgeBaseExporter Exporter { get; }

    public static KnowledgeBaseHarness WithSamples()
    {
        var harness = new KnowledgeBaseHarness();
        harness.Importer.ImportFrom(SampleDirectory);
        return harness;
    }

    /// <summary>Creates, submits (as <paramref name="author"/>) and approves (as <paramref name="reviewer"/>) an article.</summary>
    public Article Publish(string id, ArticleContent content, string author = "editor", string reviewer = "reviewer")
    {
        Articles.CreateDraft(content, author, id);
        Articles.Submit(id, author);
        return Articles.Approve(id, reviewer);
    }

    public void Dispose()
    {
        Search.Dispose();
        Database.Dispose();
    }
}
