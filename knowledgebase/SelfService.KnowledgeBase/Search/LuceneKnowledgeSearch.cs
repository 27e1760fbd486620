using LiteDB;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SelfService.KnowledgeBase.Search;
using SelfService.KnowledgeBase.Storage;

namespace SelfService.KnowledgeBase;

/// <summary>
/// Searches published articles with Lucene.Net: one in-memory index per language, analyzed with Russian (Snowball) or
/// English (Porter) stemming. Loads every published article from the database when created and is then kept current by
/// <see cref="ArticleService"/> through <see cref="IKnowledgeIndex"/>. See <c>ConfidenceScorer</c> for what the score means.
/// </summary>
public sealed partial class LuceneKnowledgeSearch : IKnowledgeSearch, IKnowledgeIndex, IDisposable
{
    private readonly IOptions<KnowledgeBaseOptions> _options;
    private readonly Dictionary<string, LanguageIndex> _indexes;

    public LuceneKnowledgeSearch(ILiteDatabase database, IOptions<KnowledgeBaseOptions> options, ILogger<LuceneKnowledgeSearch>? logger = null)
        : this(database, options, ScoringParameters.Default, logger)
    {
    }

    internal LuceneKnowledgeSearch(ILiteDatabase database, IOptions<KnowledgeBaseOptions> options, ScoringParameters parameters, ILogger<LuceneKnowledgeSearch>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _indexes = ArticleLanguages.All.ToDictionary(
            language => language,
            language => new LanguageIndex(KnowledgeAnalyzer.Create(SearchLexicon.For(language)), parameters),
            StringComparer.Ordinal);

        foreach (var article in new ArticleRepository(database).ListPublished())
        {
            Upsert(article);
        }

        LogLoaded(logger ?? NullLogger<LuceneKnowledgeSearch>.Instance, _indexes[ArticleLanguages.Russian].Count, _indexes[ArticleLanguages.English].Count);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Results below <see cref="KnowledgeBaseOptions.MinimumScore"/> are still returned (best first) so callers can log
    /// or offer them; a caller must not answer with them. An unknown <paramref name="language"/> is guessed from the
    /// question's alphabet. <paramref name="maxResults"/> of 0 or less means <see cref="KnowledgeBaseOptions.MaxResults"/>.
    /// </remarks>
    public IReadOnlyList<KnowledgeMatch> Search(string question, string language, int maxResults)
    {
        if (string.IsNullOrWhiteSpace(question))
        {
            return [];
        }

        var options = _options.Value;
        var limit = maxResults > 0 ? maxResults : options.MaxResults;
        var asked = language?.Trim().ToLowerInvariant() is { } normalized && ArticleLanguages.IsSupported(normalized)
            ? normalized
            : GuessLanguage(question);

        var matches = _indexes[asked].Search(question, limit);
        if (options.FallbackToOtherLanguage && (matches.Count == 0 || matches[0].Confidence < options.MinimumScore))
        {
            var fallback = _indexes[ArticleLanguages.Other(asked)].Search(question, limit);
            if (fallback.Count > 0 && fallback[0].Confidence >= options.MinimumScore)
            {
                matches = fallback;
            }
        }

        return matches.Select(m => ToMatch(m.Article.Article, m.Confidence)).ToList();
    }

    /// <inheritdoc />
    public void Upsert(PublishedArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        foreach (var (language, index) in _indexes)
        {
            if (language == article.Content.Language)
            {
                index.Upsert(article);
            }
            else
            {
                // An id lives in one language only; this keeps the other index clean should that ever change.
                index.Remove(article.Id);
            }
        }
    }

    /// <inheritdoc />
    public void Remove(string articleId)
    {
        foreach (var index in _indexes.Values)
        {
            index.Remove(articleId);
        }
    }

    public void Dispose()
    {
        foreach (var index in _indexes.Values)
        {
            index.Dispose();
        }
    }

    private static KnowledgeMatch ToMatch(PublishedArticle article, double confidence) => new(
        article.Id,
        article.Content.Language,
        article.Content.Category,
        article.Content.Title,
        article.Content.ShortAnswer,
        article.Content.LongAnswer,
        article.Version,
        confidence);

    private static string GuessLanguage(string question)
    {
        int cyrillic = 0, latin = 0;
        foreach (var c in question)
        {
            if (c is >= '\u0400' and <= '\u04FF')
            {
                cyrillic++;
            }
            else if (char.IsAsciiLetter(c))
            {
                latin++;
            }
        }

        return cyrillic >= latin ? ArticleLanguages.Russian : ArticleLanguages.English;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Knowledge base search loaded {RussianArticles} Russian and {EnglishArticles} English published articles")]
    private static partial void LogLoaded(ILogger logger, int russianArticles, int englishArticles);
}
