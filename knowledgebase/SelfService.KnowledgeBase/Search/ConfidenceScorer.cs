namespace SelfService.KnowledgeBase.Search;

/// <summary>
/// Turns a question and an article into a confidence in [0, 1] that the article answers it. Raw BM25 scores grow with
/// query length and corpus, so no threshold could be set on them; this score is comparable across questions:
/// <list type="bullet">
/// <item><b>Coverage</b>: the IDF-weighted share of the question's terms found in the article's questions, keywords or
/// title — fully for its topic terms, partly for a word only one variant happens to use, a typo or a word-family match.
/// A word no article uses ("weather", "борщ") counts against every article, so an unrelated question stays near 0
/// even when it shares a common word ("phone") with some article.</item>
/// <item><b>Evidence</b>: the matched IDF mass itself, capped at 1, so that matching only very common words is not enough.</item>
/// <item><b>Echo</b>: how completely the question repeats one of the article's phrasings (question variants or title),
/// which separates "activate roaming" from "roaming prices" when both cover "roaming".</item>
/// </list>
/// Confidence = coverage × evidence × (1 − EchoShare + EchoShare × echo); ranking uses the same product with a larger
/// echo share, plus a little of Lucene's BM25. See <see cref="MatchMeasures"/> and <see cref="ScoringParameters"/>.
/// </summary>
internal static class ConfidenceScorer
{
    public static List<QueryTerm> Expand(IEnumerable<string> terms, CorpusSnapshot corpus, bool matchWordFamilies, ScoringParameters parameters)
    {
        var query = new List<QueryTerm>();
        foreach (var term in terms.Distinct(StringComparer.Ordinal))
        {
            var expansions = new List<TermExpansion>();
            if (corpus.DocumentFrequency.ContainsKey(term))
            {
                expansions.Add(new TermExpansion(term, 1));
            }

            if (matchWordFamilies)
            {
                expansions.AddRange(corpus.Vocabulary
                    .Where(v => v != term && SameFamily(term, v))
                    .Select(v => new TermExpansion(v, parameters.WordFamilyDegree)));
            }

            if (expansions.Count == 0)
            {
                expansions.AddRange(corpus.Vocabulary
                    .Where(v => IsLikelyTypo(term, v))
                    .Select(v => new TermExpansion(v, parameters.TypoDegree)));
            }

            var weight = expansions.Count == 0
                ? corpus.Idf(0) * parameters.UnknownWeight
                : corpus.Idf(corpus.Articles.Values.Count(a => expansions.Any(e => a.MatchTerms.Contains(e.Term))));
            query.Add(new QueryTerm(term, expansions, weight));
        }

        return query;
    }

    public static double Score(IReadOnlyList<QueryTerm> query, IndexedArticle article, CorpusSnapshot corpus, ScoringParameters parameters) =>
        Measure(query, article, corpus, parameters).Confidence(parameters);

    public static MatchMeasures Measure(IReadOnlyList<QueryTerm> query, IndexedArticle article, CorpusSnapshot corpus, ScoringParameters parameters)
    {
        double total = 0, covered = 0;
        var degrees = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var term in query)
        {
            total += term.Weight;
            covered += term.Weight * Degree(term, article, parameters);
            foreach (var expansion in term.Expansions)
            {
                degrees[expansion.Term] = Math.Max(degrees.GetValueOrDefault(expansion.Term), expansion.Degree);
            }
        }

        if (covered <= 0 || total <= 0)
        {
            return MatchMeasures.None;
        }

        var echo = 0.0;
        foreach (var phrasing in article.Phrasings)
        {
            double said = 0, all = 0;
            foreach (var term in phrasing)
            {
                var weight = corpus.Idf(term);
                all += weight;
                said += weight * degrees.GetValueOrDefault(term);
            }

            if (all > 0)
            {
                echo = Math.Max(echo, said / all);
            }
        }

        return new MatchMeasures(covered / total, Math.Min(1, covered / parameters.FullEvidence), echo);
    }

    private static double Degree(QueryTerm term, IndexedArticle article, ScoringParameters parameters)
    {
        var degree = 0.0;
        foreach (var expansion in term.Expansions)
        {
            var found = article.TopicTerms.Contains(expansion.Term) ? expansion.Degree
                : article.MatchTerms.Contains(expansion.Term) ? expansion.Degree * parameters.IncidentalDegree
                : 0;
            degree = Math.Max(degree, found);
        }

        return degree == 0 && article.AnswerTerms.Contains(term.Text) ? parameters.AnswerOnlyDegree : degree;
    }

    /// <summary>Stems sharing a long prefix and differing only in a short tail.</summary>
    internal static bool SameFamily(string a, string b)
    {
        var common = 0;
        var shorter = Math.Min(a.Length, b.Length);
        while (common < shorter && a[common] == b[common])
        {
            common++;
        }

        return common >= 5 && common >= shorter - 2 && Math.Max(a.Length, b.Length) - common <= 4;
    }

    /// <summary>
    /// One edit for words of five letters or more, two from eight; shorter words and numbers are too easy to confuse.
    /// A misspelt ending defeats the stemmer ("roamin" stays "roamin"), so an indexed stem of four letters or more that
    /// starts the word, with at most two letters left over, counts too.
    /// </summary>
    internal static bool IsLikelyTypo(string term, string candidate)
    {
        if (term.Any(char.IsDigit))
        {
            return false;
        }

        if (candidate.Length >= 4 && term.Length > candidate.Length && term.Length - candidate.Length <= 2
            && term.StartsWith(candidate, StringComparison.Ordinal))
        {
            return true;
        }

        var maxEdits = term.Length >= 8 ? 2 : term.Length >= 5 ? 1 : 0;
        return maxEdits > 0
            && Math.Abs(term.Length - candidate.Length) <= maxEdits
            && EditDistance(term, candidate, maxEdits) <= maxEdits;
    }

    /// <summary>Optimal string alignment distance (Levenshtein plus adjacent transpositions), giving up past <paramref name="limit"/>.</summary>
    internal static int EditDistance(string a, string b, int limit)
    {
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], previous2[j - 2] + 1);
                }

                rowMinimum = Math.Min(rowMinimum, current[j]);
            }

            if (rowMinimum > limit)
            {
                return limit + 1;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }
}
