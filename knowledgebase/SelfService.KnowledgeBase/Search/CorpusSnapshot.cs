using System.Collections.Frozen;

namespace SelfService.KnowledgeBase.Search;

/// <summary>
/// The published articles of one language and their term statistics, immutable so a search never sees a half-applied
/// update. Rebuilt on every publication: a knowledge base has hundreds of articles, not millions.
/// </summary>
internal sealed class CorpusSnapshot
{
    private CorpusSnapshot(IReadOnlyDictionary<string, IndexedArticle> articles)
    {
        Articles = articles;
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var article in articles.Values)
        {
            foreach (var term in article.MatchTerms)
            {
                frequency[term] = frequency.GetValueOrDefault(term) + 1;
            }
        }

        DocumentFrequency = frequency.ToFrozenDictionary(StringComparer.Ordinal);
        Vocabulary = frequency.Keys.Order(StringComparer.Ordinal).ToArray();
    }

    public static CorpusSnapshot Empty { get; } = new(new Dictionary<string, IndexedArticle>());

    public IReadOnlyDictionary<string, IndexedArticle> Articles { get; }

    /// <summary>In how many articles each term of the questions, keywords and titles occurs.</summary>
    public IReadOnlyDictionary<string, int> DocumentFrequency { get; }

    public IReadOnlyList<string> Vocabulary { get; }

    /// <summary>
    /// The corpus size IDF assumes at least. In a knowledge base of two articles every word is "common" to IDF, and
    /// confidences would depend on how many articles happen to be published yet; a help desk covers dozens of topics,
    /// so a small corpus is treated as that many articles, the missing ones not containing the word.
    /// </summary>
    public const int MinimumAssumedSize = 30;

    /// <summary>BM25's inverse document frequency; a term no article uses gets the highest weight.</summary>
    public double Idf(int documentFrequency)
    {
        var size = Math.Max(Articles.Count, MinimumAssumedSize);
        return Math.Log(1 + ((size - documentFrequency + 0.5) / (documentFrequency + 0.5)));
    }

    public double Idf(string term) => Idf(DocumentFrequency.GetValueOrDefault(term));

    public CorpusSnapshot With(IndexedArticle article) =>
        new(new Dictionary<string, IndexedArticle>(Articles, StringComparer.Ordinal) { [article.Article.Id] = article });

    public CorpusSnapshot Without(string articleId)
    {
        var articles = new Dictionary<string, IndexedArticle>(Articles, StringComparer.Ordinal);
        return articles.Remove(articleId) ? new CorpusSnapshot(articles) : this;
    }
}
