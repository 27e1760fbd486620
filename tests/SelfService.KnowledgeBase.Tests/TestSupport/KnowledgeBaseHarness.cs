using Microsoft.Extensions.Logging.Abstractions;
using SelfService.Storage.LiteDb;

namespace SelfService.KnowledgeBase.Tests.TestSupport;

/// <summary>
/// A knowledge base wired the way the host wires it: the embedded store (in memory, or a file to reopen), one search,
/// the workflow, import/export.
/// </summary>
internal sealed class KnowledgeBaseHarness : IDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    /// <param name="file">The database file; null keeps it in memory.</param>
    public KnowledgeBaseHarness(KnowledgeBaseOptions? options = null, string? file = null, ManualTimeProvider? time = null)
    {
        Options = options ?? new KnowledgeBaseOptions();
        Storage = new LiteStorage(file, new LiteDbStorageOptions(), NullLoggerFactory.Instance);
        Time = time ?? new ManualTimeProvider(Start);
        Search = new LuceneKnowledgeSearch(Microsoft.Extensions.Options.Options.Create(Options));
        Articles = new ArticleService(Storage.Articles, Time, [Search]);
        Importer = new KnowledgeBaseImporter(Articles);
        Exporter = new KnowledgeBaseExporter(Articles);
    }

    public static string SampleDirectory => Path.Combine(TestContext.CurrentContext.TestDirectory, "SampleKnowledgeBase");

    public KnowledgeBaseOptions Options { get; }

    public LiteStorage Storage { get; }

    public ManualTimeProvider Time { get; }

    public LuceneKnowledgeSearch Search { get; }

    public ArticleService Articles { get; }

    public KnowledgeBaseImporter Importer { get; }

    public KnowledgeBaseExporter Exporter { get; }

    public static async Task<KnowledgeBaseHarness> WithSamplesAsync()
    {
        var harness = new KnowledgeBaseHarness();
        await harness.Importer.ImportFromAsync(SampleDirectory, CancellationToken.None);
        return harness;
    }

    /// <summary>A knowledge base over an existing file, its search filled from the store as the host fills it at start.</summary>
    public static async Task<KnowledgeBaseHarness> ReopenAsync(string file, ManualTimeProvider? time = null)
    {
        var harness = new KnowledgeBaseHarness(file: file, time: time);
        await harness.Search.LoadAsync(harness.Storage.Articles, CancellationToken.None);
        return harness;
    }

    /// <summary>Creates, submits (as <paramref name="author"/>) and approves (as <paramref name="reviewer"/>) an article.</summary>
    public async Task<Article> PublishAsync(string id, ArticleContent content, string author = "editor", string reviewer = "reviewer")
    {
        await Articles.CreateDraftAsync(content, author, id, CancellationToken.None);
        await Articles.SubmitAsync(id, author, CancellationToken.None);
        return await Articles.ApproveAsync(id, reviewer, CancellationToken.None);
    }

    public void Dispose()
    {
        Articles.Dispose();
        Search.Dispose();
        Storage.Dispose();
    }
}
