using SelfService.KnowledgeBase.Tests.TestSupport;

namespace SelfService.KnowledgeBase.Tests.Evaluation;

/// <summary>
/// A second, smaller held-out set (fresh-questions.tsv), written after the scoring, the lexicon and MinimumScore were
/// final and never used to tune them. The main set influenced those choices, so this one is the less biased estimate.
/// </summary>
[TestFixture]
public sealed class FreshEvaluationTests
{
    [Test]
    public async Task Search_FreshQuestions_AnswersAtLeast85PercentCorrectly()
    {
        using var kb = await KnowledgeBaseHarness.WithSamplesAsync();
        var questions = HeldOutQuestion.Load(Path.Combine(TestContext.CurrentContext.TestDirectory, "Evaluation", "fresh-questions.tsv"));

        var report = EvaluationReport.Run("fresh", kb.Search, kb.Options.MinimumScore, questions);
        report.Print();

        // Off-topic rejection is printed but not asserted here: this set's off-topic questions were written to probe
        // near-domain words ("payday"), and the known weakness they expose is documented rather than tuned away.
        Assert.That(report.Accuracy, Is.GreaterThanOrEqualTo(0.85));
    }
}
