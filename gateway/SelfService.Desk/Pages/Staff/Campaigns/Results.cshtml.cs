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

    public async Task<IActionResult> OnGetAsync(string surveyId, CancellationToken cancellationToken)
    {
        if (await SurveyOfAsync(surveyId, cancellationToken) is not { } found) return NotFound();
        await AuditAsync("survey.results", "survey:" + surveyId, null);
        SurveyId = surveyId;
        Title = found.Title;
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
        await using var writer = new StreamWriter(Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await SurveyCsv.WriteAsync(writer, found.Survey, results.AllAsync(surveyId, cancellationToken), cancellationToken);
        return new EmptyResult();
    }

    private async Task<(SurveyDefinition Survey, string Title)?> SurveyOfAsync(string surveyId, CancellationToken cancellationToken)
    {
        if (surveyId == SurveyResponse.CsatSurveyId) return (csat.Value.SurveyOrDefault, "CSAT");
        return await campaigns.GetAsync(surveyId, cancellationToken) is { Survey: { } survey } campaign ? (survey, campaign.Name) : null;
    }
}
