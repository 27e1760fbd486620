using System.Globalization;
using System.Text;
using SelfService.KnowledgeBase.Tests.TestSupport;

namespace SelfService.KnowledgeBase.Tests.Evaluation;

/// <summary>
/// The project's quality bar: customer questions the articles never contained (heldout-questions.tsv), run against the
/// sample knowledge base imported into an in-memory database.
/// </summary>
[TestFixture]
public sealed class HeldOutEvaluationTests
{
    private const double RequiredAccuracy = 0.85;
    private const double RequiredOffTopicRejection = 0.90;

    private KnowledgeBaseHarness _kb = null!;
    private List<HeldOutQuestion> _questions = null!;
    private EvaluationReport _report = null!;

    [OneTimeSetUp]
    public async Task RunTheHeldOutSet()
    {
        _kb = await KnowledgeBaseHarness.WithSamplesAsync();
        _questions = HeldOutQuestion.Load(Path.Combine(TestContext.CurrentContext.TestDirectory, "Evaluation", "heldout-questions.tsv"));
        _report = EvaluationReport.Run("held-out", _kb.Search, _kb.Options.MinimumScore, _questions);
    }

    [OneTimeTearDown]
    public void DisposeKnowledgeBase() => _kb.Dispose();

    [Test]
    public async Task HeldOutSet_IsLargeEnoughInBothLanguages()
    {
        var answerable = _questions.Where(q => q.ExpectedId is not null).ToList();
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(answerable.Count(q => q.Language == "ru"), Is.GreaterThanOrEqualTo(35));
            Assert.That(answerable.Count(q => q.Language == "en"), Is.GreaterThanOrEqualTo(35));
            Assert.That(_questions.Count(q => q.ExpectedId is null), Is.GreaterThanOrEqualTo(10));
            Assert.That(answerable.Select(q => q.ExpectedId).Distinct(), Is.SubsetOf((await _kb.Articles.ListPublishedAsync(CancellationToken.None)).Select(a => a.Id)));
        });
    }

    [Test]
    public async Task HeldOutQuestions_AreNotCopiedIntoTheArticles()
    {
        var phrasings = (await _kb.Articles.ListPublishedAsync(CancellationToken.None))
            .SelectMany(a => a.Content.Questions.Concat(a.Content.Keywords))
            .Select(Normalize)
            .ToHashSet(StringComparer.Ordinal);

        var copied = _questions.Where(q => phrasings.Contains(Normalize(q.Text))).Select(q => q.Text).ToList();

        Assert.That(copied, Is.Empty);
    }

    [Test]
    public void Search_HeldOutQuestions_AnswersAtLeast85PercentCorrectly()
    {
        _report.Print();

        Assert.That(_report.Accuracy, Is.GreaterThanOrEqualTo(RequiredAccuracy));
    }

    [Test]
    public void Search_OffTopicQuestions_ScoreBelowMinimumAtLeast90PercentOfTheTime()
    {
        Assert.That(_report.OffTopicRejection, Is.GreaterThanOrEqualTo(RequiredOffTopicRejection), string.Join(Environment.NewLine, _report.OffTopicAccepted));
    }

    /// <summary>What other MinimumScore values would give on this set; printed for operators who change it.</summary>
    [Test]
    public void Search_HeldOutQuestions_PrintsThresholdSweep()
    {
        var text = new StringBuilder("MinimumScore sweep on the held-out set (answered correctly / off-topic rejected):").AppendLine();
        for (var threshold = 0.25; threshold <= 0.651; threshold += 0.05)
        {
            var report = EvaluationReport.Run("sweep", _kb.Search, threshold, _questions);
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  {threshold:0.00}: {report.Accuracy:P1} / {report.OffTopicRejection:P1}"));
        }

        TestContext.Out.WriteLine(text);
        Console.WriteLine(text);
        Assert.That(_report.Answerable, Is.Positive);
    }

    private static string Normalize(string text) =>
        new(text.ToLowerInvariant().Replace('ё', 'е').Where(c => char.IsLetterOrDigit(c) || c == ' ').ToArray());
}
