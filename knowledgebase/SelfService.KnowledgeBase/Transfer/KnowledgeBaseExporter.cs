using System.Text.Json;
using SelfService.KnowledgeBase.Transfer;

namespace SelfService.KnowledgeBase;

/// <summary>
/// Writes the live version of published articles in the importer's format, ordered by id. Importing the output into
/// the same knowledge base changes nothing; importing it elsewhere reproduces the same published content.
/// Drafts, reviews and history are not exported: the file is what customers see.
/// </summary>
public sealed class KnowledgeBaseExporter
{
    private readonly ArticleService _articles;

    public KnowledgeBaseExporter(ArticleService articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        _articles = articles;
    }

    /// <param name="language">Only articles in this language; all when null.</param>
    public async Task ExportAsync(Stream destination, string? language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var file = new KnowledgeBaseFile
        {
            Format = KnowledgeBaseFile.CurrentFormat,
            Articles = (await _articles.ListPublishedAsync(cancellationToken))
                .Where(a => language is null || a.Content.Language == language)
                .Select(ArticleEntry.From)
                .ToList(),
        };
        await JsonSerializer.SerializeAsync(destination, file, KnowledgeBaseJson.Options, cancellationToken);
    }

    /// <param name="language">Only articles in this language; all when null.</param>
    public async Task ExportToAsync(string path, string? language, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        await using var stream = File.Create(path);
        await ExportAsync(stream, language, cancellationToken);
    }
}
