using System.Globalization;
using System.Text;
using SelfService.KnowledgeBase.Search;
using SelfService.KnowledgeBase.Tests.TestSupport;

namespace SelfService.KnowledgeBase.Tests.Evaluation;

/// <summary>
/// How the scoring constants were chosen without looking at the held-out set: leave-one-out over the sample articles'
/// own question variants (each variant, removed from its article, becomes a query) plus a development list of
/// off-topic questions that is separate from the held-out one. Run explicitly; it prints a grid.
/// </summary>
[TestFixture]
[Explicit("Tuning harness: run by hand when changing the analyzer or the scoring.")]
[Category("Tuning")]
public sealed class ScoringTuningTests
{
    private static readonly (string Language, string Text)[] DevelopmentOffTopic =
    [
        ("ru", "какой сегодня день недели"), ("ru", "сколько лет путину"), ("ru", "где поесть суши недорого"),
        ("ru", "включи музыку погромче"), ("ru", "как похудеть к лету"), ("ru", "во сколько закат сегодня"),
        ("ru", "найди мне работу водителем"), ("ru", "когда начнется отопление"), ("ru", "что подарить маме на день рождения"),
        ("ru", "как записаться к врачу"), ("ru", "продам гараж недорого"), ("ru", "сколько калорий в банане"),
        ("en", "what day is it today"), ("en", "where can i get cheap sushi"), ("en", "play some music louder"),
        ("en", "how do i lose weight fast"), ("en", "when is sunset today"), ("en", "find me a job as a driver"),
        ("en", "what should i buy my mum for her birthday"), ("en", "how do i book a doctor appointment"),
        ("en", "how many calories in a banana"), ("en", "who is the president of france"), ("en", "best movies of this year"),
        ("en", "how do i fix a leaking tap"),
    ];

    [Test]
    public async Task LeaveOneOut_Grid()
    {
        using var harness = await KnowledgeBaseHarness.WithSamplesAsync();
        var published = await harness.Articles.ListPublishedAsync(CancellationToken.None);
        var report = new StringBuilder();
        foreach (var incidental in new[] { 1.0, 0.6, 0.4 })
        {
            foreach (var unknown in new[] { 0.4, 0.5, 0.7 })
            {
                foreach (var echo in new[] { 0.1, 0.25, 0.4 })
                {
                    var parameters = new ScoringParameters { IncidentalDegree = incidental, UnknownWeight = unknown, EchoShare = echo };
                    var (ranked, scores, offTopic) = Evaluate(published, parameters);
                    report.Append(CultureInfo.InvariantCulture, $"incidental={incidental} unknown={unknown} echo={echo}: LOO top-1 {ranked:P1}");
                    foreach (var threshold in new[] { 0.3, 0.35, 0.4, 0.45, 0.5 })
                    {
                        report.Append(CultureInfo.InvariantCulture,
                            $" | t={threshold}: answered {scores.Count(s => s >= threshold) / (double)scores.Count:P0}, off-topic rejected {offTopic.Count(s => s < threshold) / (double)offTopic.Count:P0}");
                    }

                    report.AppendLine();
                }
            }
        }

        TestContext.Out.WriteLine(report.ToString());
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "kb-tuning.txt"), report.ToString());
    }

    [Test]
    public async Task LeaveOneOut_Misses()
    {
        using var harness = await KnowledgeBaseHarness.WithSamplesAsync();
        var report = new StringBuilder();
        foreach (var language in ArticleLanguages.All)
        {
            var analyzer = KnowledgeAnalyzer.Create(SearchLexicon.For(language));
            var articles = (await harness.Articles.ListPublishedAsync(CancellationToken.None)).Where(p => p.Content.Language == language).ToList();
            var corpus = CorpusSnapshot.Empty;
            foreach (var article in articles)
            {
                corpus = corpus.With(IndexedArticle.Create(article, analyzer));
            }

            foreach (var article in articles)
            {
                for (var i = 0; i < article.Content.Questions.Count; i++)
                {
                    var held = article.Content.Questions[i];
                    var without = article with { Content = article.Content with { Questions = article.Content.Questions.Where((_, j) => j != i).ToList() } };
                    var looCorpus = corpus.With(IndexedArticle.Create(without, analyzer));
                    var (bestId, bestScore) = Best(held, analyzer, looCorpus, ScoringParameters.Default);
                    if (bestId != article.Id)
                    {
                        report.AppendLine(CultureInfo.InvariantCulture, $"[{article.Id}] {held} -> {bestId} {bestScore:0.00} terms: {string.Join(' ', analyzer.Terms(held))}");
                    }
                }
            }
        }

        foreach (var (language, text) in DevelopmentOffTopic)
        {
            var analyzer = KnowledgeAnalyzer.Create(SearchLexicon.For(language));
            var corpus = CorpusSnapshot.Empty;
            foreach (var article in (await harness.Articles.ListPublishedAsync(CancellationToken.None)).Where(p => p.Content.Language == language))
            {
                corpus = corpus.With(IndexedArticle.Create(article, analyzer));
            }

            var (bestId, bestScore) = Best(text, analyzer, corpus, ScoringParameters.Default);
            report.AppendLine(CultureInfo.InvariantCulture, $"OFF-TOPIC {text} -> {bestId} {bestScore:0.00} terms: {string.Join(' ', analyzer.Terms(text))}");
        }

        File.WriteAllText(Path.Combine(Path.GetTempPath(), "kb-loo-misses.txt"), report.ToString());
    }

    /// <returns>LOO ranking accuracy, the score of each correctly ranked variant (0 when wrong), and the top score of each off-topic question.</returns>
    private static (double Ranked, List<double> Scores, List<double> OffTopic) Evaluate(IReadOnlyList<PublishedArticle> published, ScoringParameters parameters)
    {
        var scores = new List<double>();
        var offTopic = new List<double>();
        var ranked = 0;
        foreach (var language in ArticleLanguages.All)
        {
            var analyzer = KnowledgeAnalyzer.Create(SearchLexicon.For(language));
            var articles = published.Where(p => p.Content.Language == language).ToList();
            var corpus = CorpusSnapshot.Empty;
            foreach (var article in articles)
            {
                corpus = corpus.With(IndexedArticle.Create(article, analyzer));
            }

            foreach (var article in articles)
            {
                for (var i = 0; i < article.Content.Questions.Count; i++)
                {
                    var held = article.Content.Questions[i];
                    var without = article with { Content = article.Content with { Questions = article.Content.Questions.Where((_, j) => j != i).ToList() } };
                    var looCorpus = corpus.With(IndexedArticle.Create(without, analyzer));
                    var (bestId, bestScore) = Best(held, analyzer, looCorpus, parameters);
                    var correct = bestId == article.Id;
                    ranked += correct ? 1 : 0;
                    scores.Add(correct ? bestScore : 0);
                }
            }

            foreach (var (_, text) in DevelopmentOffTopic.Where(q => q.Language == language))
            {
                offTopic.Add(Best(text, analyzer, corpus, parameters).Score);
            }
        }

        return ((double)ranked / scores.Count, scores, offTopic);
    }

    private static (string? Id, double Score) Best(string question, KnowledgeAnalyzer analyzer, CorpusSnapshot corpus, ScoringParameters parameters)
    {
        // Ranks like LanguageIndex does (without Lucene's small tie-breaking share) and reports the confidence.
        var query = ConfidenceScorer.Expand(analyzer.Terms(question), corpus, analyzer.MatchWordFamilies, parameters);
        var best = corpus.Articles.Values
            .Select(a => (Id: (string?)a.Article.Id, Measures: ConfidenceScorer.Measure(query, a, corpus, parameters)))
            .OrderByDescending(r => r.Measures.Rank(parameters))
            .FirstOrDefault();
        return (best.Id, best.Measures.Confidence(parameters));
    }
}
