using System.Globalization;
using SelfService.Storage.Surveys;

namespace SelfService.Campaigns;

/// <summary>
/// A survey's results: responses by state, and per question how many answered, what (counted per value, with the
/// option's label), how many were given up on after invalid answers, and the mean of a score or number. Read a page at a
/// time, so a survey sent to a million customers is counted without holding them.
/// </summary>
public sealed class SurveyResults(ISurveyStore surveys, TimeProvider time)
{
    private const int Page = 500;

    public async Task<SurveySummary> SummarizeAsync(string surveyId, SurveyDefinition survey, string language, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        int sent = 0, open = 0, completed = 0, expired = 0, answered = 0;
        var tallies = survey.Questions.ToDictionary(q => q.Id, _ => new Tally(), StringComparer.Ordinal);
        await foreach (var response in AllAsync(surveyId, cancellationToken))
        {
            sent++;
            if (response.Answers.Any(a => a.Value is not null)) answered++;
            if (response.State == SurveyState.Completed) completed++;
            else if (Commands.Surveys.SurveyFlow.IsExpired(response, now)) expired++;
            else open++;
            foreach (var answer in response.Answers)
            {
                if (!tallies.TryGetValue(answer.QuestionId, out var tally)) continue;
                if (answer.Value is null)
                {
                    tally.GivenUp++;
                    continue;
                }
                tally.Answered++;
                tally.Values[answer.Value] = tally.Values.GetValueOrDefault(answer.Value) + 1;
                if (decimal.TryParse(answer.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)) tally.Sum += number;
            }
        }
        var questions = survey.Questions.Select(q =>
        {
            var tally = tallies[q.Id];
            var counted = q.Kind == QuestionKind.FreeText ? [] : tally.Values
                .Select(v => new SurveyValueCount(v.Key, LabelOf(q, v.Key, language), v.Value))
                .OrderBy(v => OrderOf(q, v.Value)).ThenBy(v => v.Value, StringComparer.Ordinal).ToList();
            decimal? mean = q.Kind is QuestionKind.Score5 or QuestionKind.Score10 or QuestionKind.Number && tally.Answered > 0
                ? Math.Round(tally.Sum / tally.Answered, 2) : null;
            return new SurveyQuestionSummary(q.Id, q.Kind.ToString(), Commands.Surveys.SurveyPrompts.TextOf(q.Texts, language), tally.Answered, tally.GivenUp, counted, mean);
        }).ToList();
        return new SurveySummary(surveyId, sent, open, completed, expired, questions) { Answered = answered };
    }

    /// <summary>Every response of the survey, a page at a time.</summary>
    public async IAsyncEnumerable<SurveyResponse> AllAsync(string surveyId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? after = null;
        while (true)
        {
            var page = await surveys.ResponsesAsync(surveyId, after, Page, cancellationToken);
            if (page.Count == 0) yield break;
            foreach (var response in page) yield return response;
            after = page[^1].Id;
        }
    }

    private static string LabelOf(SurveyQuestion question, string value, string language) =>
        question.Options.FirstOrDefault(o => o.Value == value) is { } option ? Commands.Surveys.SurveyPrompts.TextOf(option.Labels, language) : value;

    /// <summary>Options in their order, scores and numbers by value; others after.</summary>
    private static decimal OrderOf(SurveyQuestion question, string value)
    {
        var index = question.Options.FindIndex(o => o.Value == value);
        if (index >= 0) return index;
        return decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? number : decimal.MaxValue;
    }

    private sealed class Tally
    {
        public int Answered;
        public int GivenUp;
        public decimal Sum;
        public readonly Dictionary<string, int> Values = new(StringComparer.Ordinal);
    }
}

/// <summary>A survey's results: responses sent, still open, completed, expired; and each question's.</summary>
public sealed record SurveySummary(string SurveyId, int Sent, int Open, int Completed, int Expired, IReadOnlyList<SurveyQuestionSummary> Questions)
{
    /// <summary>Responses with at least one answer (the recipients who answered).</summary>
    public int Answered { get; init; }
}

/// <summary>One question's results (free text is not counted per value: the export has it).</summary>
public sealed record SurveyQuestionSummary(string Id, string Kind, string Text, int Answered, int GivenUp, IReadOnlyList<SurveyValueCount> Answers, decimal? Mean);

public sealed record SurveyValueCount(string Value, string Label, int Count);
