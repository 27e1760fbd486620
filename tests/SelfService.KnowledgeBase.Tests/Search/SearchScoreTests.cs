using SelfService.KnowledgeBase.Tests.TestSupport;

namespace SelfService.KnowledgeBase.Tests.Search;

/// <summary>The score is a confidence a threshold can be set on: bounded, high for paraphrases, low for unrelated questions.</summary>
[TestFixture]
public sealed class SearchScoreTests
{
    private KnowledgeBaseHarness _kb = null!;

    [OneTimeSetUp]
    public async Task ImportSamples() => _kb = await KnowledgeBaseHarness.WithSamplesAsync();

    [OneTimeTearDown]
    public void DisposeKnowledgeBase() => _kb.Dispose();

    [Test]
    public async Task Search_AnyQuestion_ScoresStayWithinZeroAndOne()
    {
        var questions = (await _kb.Articles.ListPublishedAsync(CancellationToken.None))
            .SelectMany(a => a.Content.Questions.Concat(a.Content.Keywords).Append(a.Content.Title).Append(a.Content.ShortAnswer)
                .Select(text => (Text: text, a.Content.Language)))
            .Append((Text: "roaming roaming roaming роуминг", Language: "ru"))
            .Append((Text: "a", Language: "en"));

        var scores = questions.SelectMany(q => _kb.Search.Search(q.Text, q.Language, 10)).Select(m => m.Score).ToList();

        Assert.That(scores, Is.Not.Empty.And.All.InRange(0.0, 1.0));
    }

    [Test]
    public async Task Search_ArticlesOwnQuestionVariants_ScoreAsConfidentMatches()
    {
        var articles = await _kb.Articles.ListPublishedAsync(CancellationToken.None);
        var results = articles
            .SelectMany(a => a.Content.Questions.Select(q => (Article: a, Question: q)))
            .Select(x => (x.Article.Id, x.Question, Top: _kb.Search.Search(x.Question, x.Article.Content.Language, 1).FirstOrDefault()))
            .ToList();

        var confident = results.Count(r => r.Top is not null && r.Top.ArticleId == r.Id && r.Top.Score >= _kb.Options.MinimumScore);
        TestContext.Out.WriteLine($"Own variants answered: {confident}/{results.Count}");
        foreach (var miss in results.Where(r => r.Top is null || r.Top.ArticleId != r.Id || r.Top.Score < _kb.Options.MinimumScore))
        {
            TestContext.Out.WriteLine($"  {miss.Id}: \"{miss.Question}\" -> {miss.Top?.ArticleId} {miss.Top?.Score:0.00}");
        }

        Assert.That(confident, Is.GreaterThanOrEqualTo(results.Count * 95 / 100));
    }

    [TestCase("what's the weather in Paris", "en")]
    [TestCase("посоветуй рецепт борща", "ru")]
    [TestCase("who painted the Mona Lisa", "en")]
    [TestCase("сколько будет дважды два", "ru")]
    public void Search_UnrelatedQuestion_ScoresBelowMinimum(string question, string language)
    {
        var top = _kb.Search.Search(question, language, 1).FirstOrDefault();

        Assert.That(top?.Score ?? 0, Is.LessThan(_kb.Options.MinimumScore));
    }

    [Test]
    public void Search_ParaphraseOutscoresTheSameQuestionWrappedInUnrelatedWords()
    {
        var clear = _kb.Search.Search("how do I turn on roaming", "en", 1).Single();
        var diluted = _kb.Search.Search("how do I turn on roaming while my grandmother bakes pies in the kitchen", "en", 1).Single();

        Assert.Multiple(() =>
        {
            Assert.That(clear.ArticleId, Is.EqualTo("roaming-activate-en"));
            Assert.That(diluted.ArticleId, Is.EqualTo("roaming-activate-en"));
            Assert.That(diluted.Score, Is.LessThan(clear.Score));
        });
    }
}
