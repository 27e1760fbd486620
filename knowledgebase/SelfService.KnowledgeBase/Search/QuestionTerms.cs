namespace SelfService.KnowledgeBase;

/// <summary>
/// A question reduced to the terms search matches on (stems, filler words dropped, synonyms folded), with the same
/// Russian and English analyzers the index uses: "не приходят смс" and "смс не приходит" reduce to the same set.
/// This is what lets questions be compared with each other, not only with articles.
/// </summary>
public sealed class QuestionTerms : IDisposable
{
    private readonly Dictionary<string, Search.KnowledgeAnalyzer> _analyzers = ArticleLanguages.All.ToDictionary(
        language => language, language => Search.KnowledgeAnalyzer.Create(Search.SearchLexicon.For(language)));

    /// <summary>The distinct terms of <paramref name="text"/> read as <paramref name="language"/> (Russian when unsupported).</summary>
    public IReadOnlySet<string> Of(string text, string language)
    {
        ArgumentNullException.ThrowIfNull(text);
        var analyzer = _analyzers.GetValueOrDefault(language ?? ArticleLanguages.Russian) ?? _analyzers[ArticleLanguages.Russian];
        return analyzer.Terms(text).ToHashSet(StringComparer.Ordinal);
    }

    public void Dispose()
    {
        foreach (var analyzer in _analyzers.Values) analyzer.Dispose();
    }
}
