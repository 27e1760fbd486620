using Microsoft.Extensions.Options;
using SelfService.Messaging;
using SelfService.Pipeline;
using SelfService.Storage.Campaigns;

namespace SelfService.Campaigns;

/// <summary>
/// What staff do with campaigns: create, preview, launch, pause, resume, cancel, and read progress. Each step checks the
/// state and changes it in one store operation, so two people pressing pause and cancel at once end in one of the two.
/// </summary>
public sealed class CampaignManager(
    ICampaignStore campaigns, CampaignRules rules, CampaignScheduler scheduler, CampaignRunner runner, ChannelRegistry channels, CampaignSurveys surveys,
    AudienceWriter audience,
    IOptions<CampaignOptions> options, TimeProvider time)
{
    public async Task<(Campaign? Campaign, IReadOnlyList<string> Problems)> CreateAsync(CampaignDraft draft, string actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (campaign, problems) = rules.Check(draft, Guid.CreateVersion7(now).ToString("N"), actor, now);
        if (campaign is null) return (null, problems);
        if (await SurveyProblemAsync(campaign.Audience, cancellationToken) is { } problem) return (null, [problem]);
        await campaigns.CreateAsync(campaign, cancellationToken);
        return (campaign, problems);
    }

    /// <summary>How many the audience holds now (up to <paramref name="upTo"/>): what staff see before they save and before they launch.</summary>
    public async Task<(int? Size, string? Problem)> AudienceSizeAsync(CampaignAudience who, string? campaignId, int upTo, CancellationToken cancellationToken)
    {
        if (await SurveyProblemAsync(who, cancellationToken) is { } problem) return (null, problem);
        return (await audience.CountAsync(who, campaignId, upTo, cancellationToken), null);
    }

    /// <summary>A segment by survey answers must name a survey there is, and one of its questions.</summary>
    private async Task<string?> SurveyProblemAsync(CampaignAudience who, CancellationToken cancellationToken)
    {
        if (who.Kind != AudienceKind.Segment || who.AnsweredSurvey is not { } answered || answered.SurveyId == Storage.Surveys.SurveyResponse.CsatSurveyId) return null;
        if (await campaigns.GetAsync(answered.SurveyId, cancellationToken) is not { Survey: { } survey })
            return $"audience.answeredSurvey: there is no survey campaign \"{answered.SurveyId}\".";
        return survey.Find(answered.QuestionId) is null
            ? $"audience.answeredSurvey: the survey has no question \"{answered.QuestionId}\"; it has {string.Join(", ", survey.Questions.Select(q => q.Id))}."
            : null;
    }

    /// <summary>Each language's text at its longest: characters, encoding, SMS parts; and the limit.</summary>
    public CampaignPreview Preview(Campaign campaign)
    {
        var profile = channels.ProfileOf(campaign.Channel);
        return new CampaignPreview(campaign.Texts.ToDictionary(t => t.Key, t => CampaignText.Preview(surveys.FirstMessageTemplate(campaign, t.Key, t.Value), profile)), options.Value.MaxSmsParts);
    }

    /// <summary>Each language's first message as SMS, Telegram and email would carry it (<see cref="CampaignChannelPreview"/>).</summary>
    public IReadOnlyList<CampaignChannelPreview> PreviewChannels(Campaign campaign)
    {
        var sms = channels.ProfileOf(ChannelNames.Sms);
        return [.. campaign.Texts.OrderBy(t => t.Key == campaign.DefaultLanguage ? 0 : 1).ThenBy(t => t.Key, StringComparer.Ordinal).Select(t =>
        {
            var text = CampaignText.Render(t.Value, CampaignChannelPreview.ExampleValues(t.Key));
            (string Text, List<string> Choices) On(string channel) =>
                campaign.Survey is { Questions.Count: > 0 } survey ? surveys.FirstMessage(survey, text, t.Key, channel) : (text, []);
            // Counted at its longest as SMS counts it, whatever the campaign's channel: the survey's question as SMS asks it.
            var smsTemplate = surveys.FirstMessageTemplate(new Campaign { Channel = ChannelNames.Sms, Survey = campaign.Survey }, t.Key, t.Value);
            var telegram = On(ChannelNames.Telegram);
            return new CampaignChannelPreview(t.Key, CampaignText.Preview(smsTemplate, sms), On(ChannelNames.Sms).Text, telegram.Text, telegram.Choices,
                On(ChannelNames.Email).Text);
        })];
    }

    /// <summary>Why <paramref name="draft"/> cannot be launched for want of anybody to send to; null when somebody is in its audience.</summary>
    public async Task<string?> EmptyAudienceAsync(Campaign draft, CancellationToken cancellationToken) =>
        await audience.AnyAsync(draft, cancellationToken) ? null
        : draft.Audience.Kind == AudienceKind.List ? "the audience is empty: upload the list of numbers first (POST …/numbers)"
        : "the audience is empty: no subscriber fits the segment";

    public async Task<CampaignStep> LaunchAsync(string campaignId, CancellationToken cancellationToken)
    {
        // Nobody to send to is said before anything is scheduled, not found out by a run that sends nothing.
        if (await campaigns.GetAsync(campaignId, cancellationToken) is { State: CampaignState.Draft } draft && await EmptyAudienceAsync(draft, cancellationToken) is { } empty)
            return new CampaignStep(draft, empty);
        var now = time.GetUtcNow();
        var change = await campaigns.ChangeAsync(campaignId, c =>
        {
            if (c.State != CampaignState.Draft) return false;
            c.State = CampaignState.Scheduled;
            // "Now" is fixed at launch, so the run it starts has one name, however often it is scheduled again.
            if (c.Trigger.Kind == TriggerKind.Once) c.Trigger.At ??= now;
            c.UpdatedAt = now;
            return true;
        }, cancellationToken);
        if (change.Changed) await scheduler.ScheduleAsync(change.Campaign!, cancellationToken);
        return Step(change, "only a draft can be launched");
    }

    public async Task<CampaignStep> PauseAsync(string campaignId, CancellationToken cancellationToken)
    {
        var change = await campaigns.ChangeAsync(campaignId, c => Move(c, [CampaignState.Scheduled, CampaignState.Running], CampaignState.Paused), cancellationToken);
        if (change.Changed)
        {
            await scheduler.UnscheduleAsync(campaignId, cancellationToken);
            runner.Wake(campaignId);
        }
        return Step(change, "only a scheduled or running campaign can be paused");
    }

    /// <summary>A campaign paused in the middle of a run goes on with it; one paused before its trigger waits for it again.</summary>
    public async Task<CampaignStep> ResumeAsync(string campaignId, CancellationToken cancellationToken)
    {
        var change = await campaigns.ChangeAsync(campaignId, c =>
        {
            if (c.State != CampaignState.Paused) return false;
            // A run already finished (a cron campaign paused between runs) finds nobody pending and hands back to its trigger.
            c.State = c.CurrentRun is null ? CampaignState.Scheduled : CampaignState.Running;
            c.UpdatedAt = time.GetUtcNow();
            return true;
        }, cancellationToken);
        if (change.Changed && change.Campaign!.State == CampaignState.Running) runner.Start(campaignId);
        // A cron campaign paused in the middle of a run gets its trigger back too: the next fire after the run is on time.
        if (change.Changed && (change.Campaign!.State == CampaignState.Scheduled || change.Campaign.Trigger.Recurs()))
            await scheduler.ScheduleAsync(change.Campaign, cancellationToken);
        return Step(change, "only a paused campaign can be resumed");
    }

    public async Task<CampaignStep> CancelAsync(string campaignId, CancellationToken cancellationToken)
    {
        var change = await campaigns.ChangeAsync(campaignId,
            c => Move(c, [CampaignState.Draft, CampaignState.Scheduled, CampaignState.Running, CampaignState.Paused], CampaignState.Cancelled), cancellationToken);
        if (change.Changed)
        {
            await scheduler.UnscheduleAsync(campaignId, cancellationToken);
            // A running run cancels its own pending recipients at the next one; a paused one has nobody to do it.
            if (change.Campaign!.CurrentRun is { } run) await campaigns.CancelPendingAsync(campaignId, run, cancellationToken);
            runner.Wake(campaignId);
        }
        return Step(change, "a campaign that is done or cancelled cannot be cancelled");
    }

    public async Task<CampaignProgress?> ProgressAsync(Campaign campaign, CancellationToken cancellationToken) =>
        campaign.CurrentRun is { } run ? await campaigns.ProgressAsync(campaign.Id, run, cancellationToken) : null;

    private bool Move(Campaign campaign, CampaignState[] from, CampaignState to)
    {
        if (!from.Contains(campaign.State)) return false;
        campaign.State = to;
        campaign.UpdatedAt = time.GetUtcNow();
        return true;
    }

    private static CampaignStep Step(CampaignChange change, string refusal) =>
        change.Campaign is null ? new CampaignStep(null, "no such campaign")
        : change.Changed ? new CampaignStep(change.Campaign, null)
        : new CampaignStep(change.Campaign, $"{refusal}; it is {change.Campaign.State.ToString().ToLowerInvariant()}");
}

/// <summary>A staff step's outcome: the campaign as it is now (null: none), and why the step was refused, if it was.</summary>
public sealed record CampaignStep(Campaign? Campaign, string? Refusal);

/// <summary>Each language's text at its longest, and the most parts a message may take.</summary>
public sealed record CampaignPreview(IReadOnlyDictionary<string, TextPreview> Texts, int MaxSmsParts);
