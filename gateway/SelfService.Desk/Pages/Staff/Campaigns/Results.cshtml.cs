using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SelfService.Campaigns;
using SelfService.Storage.Campaigns;
using SelfService.Storage.Surveys;

namespace SelfService.Desk.Pages.Staff.Campaigns;

/// <summary>
/// A survey's results (a survey campaign's, or CSAT): responses by state and a bar chart per question, drawn here as SVG;
/// and the responses as CSV. Both are audited as the API's are (survey.results, survey.export): the export names customers.
/// </summary>
public sealed class ResultsModel(ICampaignStore campaigns, SurveyResults results, IOptions<CsatOptions> csat) : CampaignPageModel
{
    public string SurveyId { get; private set; } = "";

    public string Title { get; private set; } = "";

    public SurveySummary Summary { get; private set; } = null!;

    private SurveyDefinition _survey = new();

    /// <summary>
    /// A question's chart rows: every value it can take, in order, with the count (none: 0), so a scale reads as a scale;
    /// then any other value that was stored (a survey changed since it was sent).
    /// </summary>
    public IReadOnlyList<SurveyValueCount> RowsOf(SurveyQuestionSummary question)
    {
        var definition = _survey.Find(question.Id);
        IEnumerable<(string Value, string Label)> scale = definition?.Kind switch
        {
            QuestionKind.Choice => definition.Options.Select(o => (o.Value, Commands.Surveys.SurveyPrompts.TextOf(o.Labels, Language))),
            QuestionKind.YesNo => [("yes", T("cmYes")), ("no", T("cmNo"))],
            QuestionKind.Score5 => Enumerable.Range(1, 5).Select(n => (n.ToString(System.Globalization.CultureInfo.InvariantCulture), n.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            QuestionKind.Score10 => Enumerable.Range(0, 11).Select(n => (n.ToString(System.Globalization.CultureInfo.InvariantCulture), n.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            _ => [],
        };
        var counted = question.Answers.ToDictionary(a => a.Value, StringComparer.Ordinal);
        var rows = scale.Select(v => counted.TryGetValue(v.Value, out var c) ? c with { Label = v.Label } : new SurveyValueCount(v.Value, v.Label, 0)).ToList();
        rows.AddRange(question.Answers.Where(a => rows.All(r => r.Value != a.Value)));
        return rows;
    }

    public async Task<IActionResult> OnGetAsync(string surveyId, CancellationToken cancellationToken)
    {
        if (await SurveyOfAsync(surveyId, cancellationToken) is not { } found) return NotFound();
        await AuditAsync("survey.results", "survey:" + surveyId, null);
        SurveyId = surveyId;
        Title = found.Title;
        _survey = found.Survey;
        // The questions and labels in the reader's language where the survey has it.
        Summary = await results.SummarizeAsync(surveyId, found.Survey, Language, cancellationToken);
        return Page();
    }

    /// <summary>One row per recipient, written as the responses are read (never built whole); UTF-8 with a BOM for spreadsheets.</summary>
    public async Task<IActionResult> OnGetCsvAsync(string surveyId, CancellationToken cancellationToken)
    {
        if (await SurveyOfAsync(surveyId, cancellationToken) is not { } found) return NotFound();
        await AuditAsync("survey.export", "survey:" + surveyId, null);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"survey-{surveyId}.csv\"";
        await using var writer = new StreamWriter(Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen: true);
        await SurveyCsv.WriteAsync(writer, found.Survey, results.AllAsync(surveyId, cancellationToken), cancellationToken);
        return new EmptyResult();
    }

    private async Task<(SurveyDefinition Survey, string Title)?> SurveyOfAsync(string surveyId, CancellationToken cancellationToken)
    {
        if (surveyId == SurveyResponse.CsatSurveyId) return (csat.Value.SurveyOrDefault, "CSAT");
        return await campaigns.GetAsync(surveyId, cancellationToken) is { Survey: { } survey } campaign ? (survey, campaign.Name) : null;
    }
}
