using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SelfService.KnowledgeBase.Transfer;

namespace SelfService.KnowledgeBase;

/// <summary>
/// Loads knowledge-base files (format in samples/knowledgebase/README.md) and publishes their articles as
/// <see cref="ImportAuthor"/>. Idempotent by article id: an unchanged article is not touched, a changed one becomes a new
/// published version. A file is checked completely before anything is written, so a bad file changes nothing.
/// </summary>
public sealed partial class KnowledgeBaseImporter
{
    /// <summary>The author and actor recorded for everything an import writes.</summary>
    public const string ImportAuthor = "import";

    private readonly ArticleService _articles;
    private readonly ILogger _logger;

    public KnowledgeBaseImporter(ArticleService articles, ILogger<KnowledgeBaseImporter>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(articles);
        _articles = articles;
        _logger = logger ?? NullLogger<KnowledgeBaseImporter>.Instance;
    }

    /// <summary>Imports one JSON document.</summary>
    public async Task<ImportResult> ImportAsync(Stream json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(json);
        return await ApplyAsync(await ReadAsync(json, "the input", cancellationToken), cancellationToken);
    }

    /// <summary>Imports a file, or every <c>*.json</c> file of a directory (in name order) as one batch.</summary>
    public async Task<ImportResult> ImportFromAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var files = Directory.Exists(path)
            ? Directory.GetFiles(path, "*.json").Order(StringComparer.Ordinal).ToArray()
            : File.Exists(path) ? [path] : throw new FileNotFoundException($"No knowledge-base file or directory at '{path}'.", path);

        var entries = new List<ArticleEntry>();
        foreach (var file in files)
        {
            await using var stream = File.OpenRead(file);
            entries.AddRange(await ReadAsync(stream, file, cancellationToken));
        }

        var result = await ApplyAsync(entries, cancellationToken);
        LogImported(_logger, path, result.Created, result.Updated, result.Unchanged, result.SkippedIds.Count);
        return result;
    }

    /// <summary>Seeds an empty knowledge base on the host's first start; returns null (and reads nothing) when it has articles.</summary>
    public async Task<ImportResult?> ImportIfEmptyAsync(string path, CancellationToken cancellationToken)
    {
        if (!await _articles.IsEmptyAsync(cancellationToken))
        {
            return null;
        }

        return await ImportFromAsync(path, cancellationToken);
    }

    private static async Task<List<ArticleEntry>> ReadAsync(Stream stream, string source, CancellationToken cancellationToken)
    {
        KnowledgeBaseFile? file;
        try
        {
            file = await JsonSerializer.DeserializeAsync<KnowledgeBaseFile>(stream, KnowledgeBaseJson.Options, cancellationToken);
        }
        catch (JsonException exception)
        {
            throw new KnowledgeBaseValidationException($"{source} is not a valid knowledge-base file: {exception.Message}", exception);
        }

        if (file is null || file.Format != KnowledgeBaseFile.CurrentFormat)
        {
            throw new KnowledgeBaseValidationException(
                $"{source} is not a knowledge-base file: \"format\" must be \"{KnowledgeBaseFile.CurrentFormat}\".");
        }

        return file.Articles ?? [];
    }

    private async Task<ImportResult> ApplyAsync(List<ArticleEntry> entries, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var batch = new List<(string Id, ArticleContent Content)>();
        for (var i = 0; i < entries.Count; i++)
        {
            var id = entries[i].Id?.Trim();
            if (string.IsNullOrEmpty(id))
            {
                errors.Add($"Article {i + 1}: id is missing.");
                continue;
            }

            if (!seen.Add(id))
            {
                errors.Add($"Article '{id}' appears more than once.");
                continue;
            }

            try
            {
                ArticleValidator.ThrowIfInvalidId(id);
            }
            catch (KnowledgeBaseValidationException exception)
            {
                errors.AddRange(exception.Errors);
                continue;
            }

            var content = ArticleValidator.Normalize(entries[i].ToContent());
            var problems = ArticleValidator.Check(content, id);
            errors.AddRange(problems);
            batch.Add((id, content));
        }

        if (errors.Count > 0)
        {
            throw new KnowledgeBaseValidationException(errors);
        }

        int created = 0, updated = 0, unchanged = 0;
        var skipped = new List<string>();
        foreach (var (id, content) in batch)
        {
            switch (await _articles.ImportAsync(id, content, ImportAuthor, cancellationToken))
            {
                case ImportOutcome.Created:
                    created++;
                    break;
                case ImportOutcome.Updated:
                    updated++;
                    break;
                case ImportOutcome.Unchanged:
                    unchanged++;
                    break;
                default:
                    skipped.Add(id);
                    break;
            }
        }

        return new ImportResult(created, updated, unchanged, skipped);
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Imported knowledge base from {Path}: {Created} created, {Updated} updated, {Unchanged} unchanged, {Skipped} skipped")]
    private static partial void LogImported(ILogger logger, string path, int created, int updated, int unchanged, int skipped);
}
