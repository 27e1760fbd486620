using System.Globalization;
using System.Text;

namespace SelfService.KnowledgeBase.Tests.Evaluation;

/// <summary>
/// How the search did on a set of questions. An answerable question counts as answered correctly only when the top
/// match is the expected article AND reaches MinimumScore: a right article below the threshold would be escalated.
/// </summary>
internal sealed record EvaluationReport(
    string Name,
    double MinimumScore,
    int Answerable,
    int AnsweredCorrectly,
    int RankedFirst,
    int OffTopic,
    int OffTopicRejected,
    IReadOnlyList<string> Misses,
    IReadOnlyList<string> OffTopicAccepted)
{
    public double Accuracy => (double)AnsweredCorrectly / Answerable;

    public double OffTopicRejection => (double)OffTopicRejected / OffTopic;

    public static EvaluationReport Run(string name, IKnowledgeSearch search, double minimumScore, IEnumerable<HeldOutQuestion> questions)
    {
        int answerable = 0, correct = 0, rankedFirst = 0, offTopic = 0, rejected = 0;
        var misses = new List<string>();
        var accepted = new List<string>();
        foreach (var question in questions)
        {
            var top = search.Search(question.Text, question.Language, 3).FirstOrDefault();
            var found = top is null ? "nothing" : string.Create(CultureInfo.InvariantCulture, $"{top.ArticleId} ({top.Score:0.00})");
            if (question.ExpectedId is null)
            {
                offTopic++;
                if (top is null || top.Score < minimumScore)
                {
                    rejected++;
                }
                else
                {
                    accepted.Add($"  [{question.Language}] \"{question.Text}\" -> {found}");
                }

                continue;
            }

            answerable++;
            if (top is not null && top.ArticleId == question.ExpectedId)
            {
                rankedFirst++;
                if (top.Score >= minimumScore)
                {
                    correct++;
                    continue;
                }
            }

            misses.Add($"  [{question.Language}] \"{question.Text}\" expected {question.ExpectedId}, got {found}");
        }

        return new EvaluationReport(name, minimumScore, answerable, correct, rankedFirst, offTopic, rejected, misses, accepted);
    }

    public override string ToString()
    {
        var text = new StringBuilder()
            .AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{Name}: KB top-1 accuracy: {AnsweredCorrectly}/{Answerable} = {Accuracy:P1} (top match correct and score >= {MinimumScore:0.00})"))
            .AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{Name}: KB top-1 ranking only (ignoring the threshold): {RankedFirst}/{Answerable} = {(double)RankedFirst / Answerable:P1}"))
            .AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{Name}: KB off-topic rejection: {OffTopicRejected}/{OffTopic} = {OffTopicRejection:P1} scored below {MinimumScore:0.00}"))
            .AppendLine(Misses.Count == 0 ? "Misses: none" : "Misses:");
        foreach (var miss in Misses)
        {
            text.AppendLine(miss);
        }

        text.AppendLine(OffTopicAccepted.Count == 0 ? "Off-topic answered: none" : "Off-topic answered:");
        foreach (var line in OffTopicAccepted)
        {
            text.AppendLine(line);
        }

        return text.ToString();
    }

    /// <summary>Writes to the NUnit output and to the console, so the figures show in any runner's log.</summary>
    public void Print()
    {
        // `dotnet test` hides a passing test's output, so the headline figures also go to a *.figures.txt file,
        // which tests/run prints after the suite.
        var headlines = ToString().Split('\n').Take(3).Select(line => line.TrimEnd());
        File.WriteAllLines(Path.Combine(TestContext.CurrentContext.WorkDirectory, $"kb-{Name.ToLowerInvariant().Replace(' ', '-')}.figures.txt"), headlines);
        TestContext.Out.WriteLine(ToString());
        Console.WriteLine(ToString());
    }
}
