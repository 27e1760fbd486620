using System.Net;
using System.Security.Claims;
using System.Text;
using SelfService.Campaigns;
using SelfService.Messaging;
using SelfService.Staff;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SelfService.Storage.Campaigns;
using SelfService.Storage.Surveys;

namespace SelfService.Gateway.Api;

/// <summary>
/// Campaign managers' API: write a campaign, preview its SMS parts, upload its number list, launch, pause, resume,
/// cancel, and follow its progress. Every change is in the audit trail as campaign.*.
/// </summary>
internal static class CampaignApi
{
    public static IEndpointRouteBuilder MapCampaignApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/campaigns").RequireAuthorization(StaffPolicies.CampaignManagers);
        group.MapGet("", List);
        group.MapPost("", Create);
        group.MapPost("/audience-size", AudienceSize);
        group.MapGet("/{campaignId}", Get);
        group.MapGet("/{campaignId}/preview", Preview);
        group.MapGet("/{campaignId}/progress", Progress);
        group.MapPost("/{campaignId}/numbers", UploadNumbers);
        group.MapPost("/{campaignId}/launch", (string campaignId, ClaimsPrincipal user, CampaignManager manager, AuditTrail audit, HttpContext http, CancellationToken ct) =>
            StepAsync("campaign.launch", campaignId, user, audit, http, manager.LaunchAsync(campaignId, ct)));
        group.MapPost("/{campaignId}/pause", (string campaignId, ClaimsPrincipal user, CampaignManager manager, AuditTrail audit, HttpContext http, CancellationToken ct) =>
            StepAsync("campaign.pause", campaignId, user, audit, http, manager.PauseAsync(campaignId, ct)));
        group.MapPost("/{campaignId}/resume", (string campaignId, ClaimsPrincipal user, CampaignManager manager, AuditTrail audit, HttpContext http, CancellationToken ct) =>
            StepAsync("campaign.resume", campaignId, user, audit, http, manager.ResumeAsync(campaignId, ct)));
        group.MapPost("/{campaignId}/cancel", (string campaignId, ClaimsPrincipal user, CampaignManager manager, AuditTrail audit, HttpContext http, CancellationToken ct) =>
            StepAsync("campaign.cancel", campaignId, user, audit, http, manager.CancelAsync(campaignId, ct)));
        // Who stopped what, and the trail of every stop and resume: a look at a customer's data, so it is audited.
        routes.MapGet("/api/opt-outs", OptOuts).RequireAuthorization(StaffPolicies.CampaignManagers);
        // A campaign mail's one-click unsubscribe (RFC 8058): the signed link is the proof, so no sign-in. A GET (a mail
        // scanner following links, a person clicking) only shows a button; the POST the mail client sends unsubscribes.
        routes.MapGet("/unsubscribe/{token}", UnsubscribePage).AllowAnonymous();
        routes.MapPost("/unsubscribe/{token}", Unsubscribe).AllowAnonymous().DisableAntiforgery();
        // A survey's results (a campaign's id, or "csat"), and its responses as CSV: both audited, the export names customers.
        routes.MapGet("/api/surveys/{surveyId}", SurveyResultsOf).RequireAuthorization(StaffPolicies.CampaignManagers);
        routes.MapGet("/api/surveys/{surveyId}/responses.csv", SurveyExport).RequireAuthorization(StaffPolicies.CampaignManagers);
        return routes;
    }

    private static async Task<IResult> OptOuts(
        string? msisdn, ClaimsPrincipal user, IOptOutStore optOuts, MsisdnNormalizer numbers, AuditTrail audit, HttpContext http, CancellationToken cancellationToken)
    {
        if (!numbers.TryNormalize(msisdn, out var e164))
            return TypedResults.Problem("Give the number: ?msisdn=+79161234567.", statusCode: StatusCodes.Status400BadRequest);
        await audit.RecordAsync(user.UserName(), "optout.view", e164, null, http.Connection.RemoteIpAddress?.ToString());
        return TypedResults.Ok(new
        {
            msisdn = e164,
            stopped = (await optOuts.StoppedTopicsAsync(e164, cancellationToken)).Order(StringComparer.Ordinal),
            changes = await optOuts.HistoryAsync(e164, cancellationToken),
        });
    }

    private static async Task<IResult> UnsubscribePage(string token, UnsubscribeLinks links, CancellationToken cancellationToken)
    {
        if (await links.ReadAsync(token, cancellationToken) is null) return InvalidLink();
        return TypedResults.Content($$"""
            <!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>Отписка · Unsubscribe</title></head><body>
            <form method="post" action="/unsubscribe/{{WebUtility.HtmlEncode(token)}}"><input type="hidden" name="List-Unsubscribe" value="One-Click">
            <p>Больше не получать эти рассылки? · Stop these mailings?</p><button type="submit">Отписаться · Unsubscribe</button></form></body></html>
            """, "text/html; charset=utf-8");
    }

    /// <summary>Stops the campaign's topic for the number the link names; kept in the opt-out trail and the audit trail. A second click records nothing.</summary>
    private static async Task<IResult> Unsubscribe(
        string token, UnsubscribeLinks links, ICampaignStore campaigns, IOptOutStore optOuts, AuditTrail audit, TimeProvider time, HttpContext http,
        CancellationToken cancellationToken)
    {
        if (await links.ReadAsync(token, cancellationToken) is not { } link) return InvalidLink();
        var (campaignId, msisdn) = link;
        // A campaign deleted since: the customer still asked to hear no more; every campaign topic stops.
        var topic = (await campaigns.GetAsync(campaignId, cancellationToken))?.Topic ?? OptOutChange.AllTopics;
        var recorded = await optOuts.ApplyAsync(new OptOutChange
        {
            Id = "unsubscribe:" + campaignId + ":" + msisdn, Msisdn = msisdn, Topic = topic, OptedOut = true, Channel = ChannelNames.Email,
            Text = "List-Unsubscribe=One-Click", At = time.GetUtcNow(),
        }, cancellationToken);
        if (recorded)
            await audit.RecordAsync("customer:" + msisdn, "optout.one-click", "campaign:" + campaignId, topic, http.Connection.RemoteIpAddress?.ToString());
        return TypedResults.Content("""
            <!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>Отписка · Unsubscribe</title></head><body>
            <p>Вы отписаны от этой рассылки. · You are unsubscribed from these mailings.</p></body></html>
            """, "text/html; charset=utf-8");
    }

    private static ProblemHttpResult InvalidLink() =>
        TypedResults.Problem("This unsubscribe link is not valid: it may have been cut short or changed. Reply STOP to any of our messages instead.",
            statusCode: StatusCodes.Status404NotFound);

    private static async Task<IResult> SurveyResultsOf(
        string surveyId, string? language, ClaimsPrincipal user, ICampaignStore campaigns, IOptions<CsatOptions> csat, SurveyResults results, AuditTrail audit,
        HttpContext http, CancellationToken cancellationToken)
    {
        if (await SurveyOfAsync(surveyId, campaigns, csat, cancellationToken) is not { } found) return NoSurvey(surveyId);
        await audit.RecordAsync(user.UserName(), "survey.results", "survey:" + surveyId, null, http.Connection.RemoteIpAddress?.ToString());
        return TypedResults.Ok(await results.SummarizeAsync(surveyId, found.Survey, language ?? found.Language, cancellationToken));
    }

    /// <summary>Written as the responses are read (a page at a time), never built whole.</summary>
    private static async Task<IResult> SurveyExport(
        string surveyId, ClaimsPrincipal user, ICampaignStore campaigns, IOptions<CsatOptions> csat, SurveyResults results, AuditTrail audit,
        HttpContext http, CancellationToken cancellationToken)
    {
        if (await SurveyOfAsync(surveyId, campaigns, csat, cancellationToken) is not { } found) return NoSurvey(surveyId);
        await audit.RecordAsync(user.UserName(), "survey.export", "survey:" + surveyId, null, http.Connection.RemoteIpAddress?.ToString());
        return TypedResults.Stream(async stream =>
        {
            await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            await SurveyCsv.WriteAsync(writer, found.Survey, results.AllAsync(surveyId, cancellationToken), cancellationToken);
        }, "text/csv; charset=utf-8", $"survey-{surveyId}.csv");
    }

    private static async Task<(SurveyDefinition Survey, string Language)?> SurveyOfAsync(
        string surveyId, ICampaignStore campaigns, IOptions<CsatOptions> csat, CancellationToken cancellationToken)
    {
        if (surveyId == SurveyResponse.CsatSurveyId) return (csat.Value.SurveyOrDefault, "ru");
        return await campaigns.GetAsync(surveyId, cancellationToken) is { Survey: { } survey } campaign ? (survey, campaign.DefaultLanguage) : null;
    }

    private static ProblemHttpResult NoSurvey(string surveyId) =>
        TypedResults.Problem($"No survey \"{surveyId}\": give the id of a campaign whose content is a survey, or \"csat\".", statusCode: StatusCodes.Status404NotFound);

    private static async Task<IResult> List(int? limit, ICampaignStore campaigns, CancellationToken cancellationToken) =>
        TypedResults.Ok(await campaigns.ListAsync(Math.Clamp(limit ?? 50, 1, 500), cancellationToken));

    private static async Task<IResult> Create(
        CampaignDraft draft, ClaimsPrincipal user, CampaignManager manager, AuditTrail audit, HttpContext http, CancellationToken cancellationToken)
    {
        var (campaign, problems) = await manager.CreateAsync(draft, user.UserName(), cancellationToken);
        if (campaign is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["campaign"] = [.. problems] }, title: "The campaign cannot be saved as written.");
        await audit.RecordAsync(user.UserName(), "campaign.create", "campaign:" + campaign.Id, campaign.Name, http.Connection.RemoteIpAddress?.ToString());
        return TypedResults.Created($"/api/campaigns/{campaign.Id}", new { campaign, preview = manager.Preview(campaign) });
    }

    /// <summary>How many a segment holds now, before any campaign is saved (a list is counted once uploaded: GET the campaign).</summary>
    private static async Task<IResult> AudienceSize(CampaignAudience audience, CampaignManager manager, CancellationToken cancellationToken)
    {
        if (audience.Kind != AudienceKind.Segment)
            return TypedResults.Problem("Only a segment is counted before saving; a list's numbers are counted as they are uploaded.", statusCode: StatusCodes.Status400BadRequest);
        var (size, problem) = await manager.AudienceSizeAsync(audience, null, int.MaxValue, cancellationToken);
        return problem is null ? TypedResults.Ok(new { size }) : TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> Get(string campaignId, ICampaignStore campaigns, CampaignManager manager, CancellationToken cancellationToken) =>
        await campaigns.GetAsync(campaignId, cancellationToken) is { } campaign
            ? TypedResults.Ok(new { campaign, preview = manager.Preview(campaign), progress = await manager.ProgressAsync(campaign, cancellationToken) })
            : TypedResults.NotFound();

    private static async Task<IResult> Preview(string campaignId, ICampaignStore campaigns, CampaignManager manager, CancellationToken cancellationToken) =>
        await campaigns.GetAsync(campaignId, cancellationToken) is { } campaign ? TypedResults.Ok(manager.Preview(campaign)) : TypedResults.NotFound();

    /// <summary>Recipients by state for the current run, and what the outbox and the delivery receipts say of those handed over.</summary>
    private static async Task<IResult> Progress(string campaignId, ICampaignStore campaigns, CampaignManager manager, CancellationToken cancellationToken)
    {
        if (await campaigns.GetAsync(campaignId, cancellationToken) is not { } campaign) return TypedResults.NotFound();
        return TypedResults.Ok(new
        {
            campaign.State, campaign.CurrentRun, campaign.RefusedLines, campaign.DuplicateLines,
            progress = await manager.ProgressAsync(campaign, cancellationToken),
        });
    }

    /// <summary>
    /// The number list, as the request body (text/csv or text/plain, UTF-8): read line by line as it arrives, never held
    /// whole. Only a draft campaign of the list kind takes one.
    /// </summary>
    private static async Task<IResult> UploadNumbers(
        string campaignId, HttpRequest request, ClaimsPrincipal user, ICampaignStore campaigns, NumberListUpload upload, AuditTrail audit,
        CancellationToken cancellationToken)
    {
        if (await campaigns.GetAsync(campaignId, cancellationToken) is not { } campaign) return TypedResults.NotFound();
        if (campaign.Audience.Kind != AudienceKind.List || campaign.State != CampaignState.Draft)
            return TypedResults.Problem("Only a draft campaign whose audience is a list takes numbers.", statusCode: StatusCodes.Status409Conflict);
        if (request.ContentLength > upload.MaxBytes)
            return TypedResults.Problem($"The list is larger than {upload.MaxBytes} bytes (Campaigns:MaxListBytes).", statusCode: StatusCodes.Status413PayloadTooLarge);
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var result = await upload.ReadAsync(campaignId, reader, cancellationToken);
        await audit.RecordAsync(user.UserName(), "campaign.numbers", "campaign:" + campaignId,
            $"{result.Added} added, {result.Refused} refused, {result.Duplicates} duplicates", request.HttpContext.Connection.RemoteIpAddress?.ToString());
        return TypedResults.Ok(result);
    }

    private static async Task<IResult> StepAsync(string action, string campaignId, ClaimsPrincipal user, AuditTrail audit, HttpContext http, Task<CampaignStep> step)
    {
        var outcome = await step;
        if (outcome.Campaign is null) return TypedResults.NotFound();
        await audit.RecordAsync(user.UserName(), outcome.Refusal is null ? action : action + ".refused", "campaign:" + campaignId, outcome.Refusal,
            http.Connection.RemoteIpAddress?.ToString());
        return outcome.Refusal is null
            ? TypedResults.Ok(outcome.Campaign)
            : TypedResults.Problem(outcome.Refusal, statusCode: StatusCodes.Status409Conflict);
    }
}
