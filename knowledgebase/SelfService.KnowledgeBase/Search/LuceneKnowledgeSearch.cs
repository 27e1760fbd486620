using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SelfService.KnowledgeBase.Search;
using SelfService.KnowledgeBase.Storage;
using SelfService.Storage.KnowledgeBase;

namespace SelfService.KnowledgeBase;

/// <summary>
/// Searches published articles with Lucene.Net: one in-memory index per language, analyzed with Russian (Snowball) or
/// English (Porter) stemming. Starts empty; <see cref="LoadAsync"/> reads every published article from the store (the host
/// does it at start, see <see cref="KnowledgeSearchLoading"/>), and <see cref="ArticleService"/> keeps it current through
/// <see cref="IKnowledgeIndex"/>. See <c>ConfidenceScorer</c> for what the score means.
/// </summary>
public sealed partial class LuceneKnowledgeSearch : IKnowledgeSearch, IKnowledgeIndex, IDisposable
{
    private readonly IOptions<KnowledgeBaseOptions> _options;
    private readonly Dictionary<string, LanguageIndex> _indexes;
    private readonly ILogger _logger;

    public LuceneKnowledgeSearch(IOptions<KnowledgeBaseOptions> options, ILogger<LuceneKnowledgeSearch>? logger = null)
        : this(options, ScoringParameters.Default, logger)
    {
    }

    internal LuceneKnowledgeSearch(IOptions<KnowledgeBaseOptions> options, ScoringParameters parameters, ILogger<LuceneKnowledgeSearch>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _logger = logger ?? NullLogger<LuceneKnowledgeSearch>.Instance;
        _indexes = ArticleLanguages.All.ToDictionary(
            language => language,
            language => new LanguageIndex(KnowledgeAnalyzer.Create(SearchLexicon.For(language)), parameters),
            StringComparer.Ordinal);
    }

    /// <summary>
    /// Indexes the live version of every article in <paramref name="store"/>. Run it before the workflow changes anything
    /// (at start): a publication that landed between the store's answer and this upsert would be overwritten by the older one.
    /// </summary>
    public async Task LoadAsync(IArticleStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        foreach (var live in await store.ListLiveAsync(cancellationToken))
        {
            Upsert(StoredArticleMapper.ToPublished(live));
        }

        LogLoaded(_logger, _indexes[ArticleLanguages.Russian].Count, _indexes[ArticleLanguages.English].Count);
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
    public KnowledgeMatch? Find(string articleId)
    {
        if (string.IsNullOrEmpty(articleId)) return null;
        foreach (var index in _indexes.Values)
        {
            if (index.Find(articleId) is { } article) return ToMatch(article, 1.0);
        }

        return null;
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
