using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SelfService.Campaigns;
using SelfService.Storage.Campaigns;

namespace SelfService.Desk.Pages.Staff.Campaigns;

/// <summary>
/// One campaign: what it sends to whom and when, its number list (uploaded here while a draft), the launch with a
/// confirmation naming the audience and the SMS parts, and then its progress, refreshed by the page's script from
/// <see cref="OnGetProgressAsync"/>, with pause, resume and cancel. Every step goes through <see cref="CampaignManager"/>
/// and is audited as the API's is.
/// </summary>
public sealed class CampaignModel(
    ICampaignStore campaigns, CampaignManager manager, NumberListUpload upload, SurveyResults surveys, IOptions<CampaignOptions> options, TimeProvider time)
    : CampaignPageModel
{
    public Campaign Campaign { get; private set; } = null!;

    public IReadOnlyList<CampaignChannelPreview> Previews { get; private set; } = [];

    public CampaignProgressView? Progress { get; private set; }

    /// <summary>A draft's audience as it stands (the launch counts it again).</summary>
    public int? AudienceSize { get; private set; }

    public ListUploadResult? Uploaded { get; private set; }

    /// <summary>Set when the manager asked to launch: what the confirmation names.</summary>
    public LaunchConfirmation? Confirmation { get; private set; }

    public int MaxSmsParts => options.Value.MaxSmsParts;

    /// <summary>
    /// Whether the page's script follows the progress: while the campaign is under way, and after it for as long as the
    /// outbox is still sending what was handed over, (for an hour) delivery receipts are still due, or a survey still takes answers.
    /// </summary>
    public bool Live => Campaign.State is CampaignState.Scheduled or CampaignState.Running or CampaignState.Paused
        || (Progress is { } p && (p.HandedOver > p.Sent + p.Failed || (p.Delivered < p.Sent && time.GetUtcNow() - Campaign.UpdatedAt < TimeSpan.FromHours(1))))
        || (Campaign.Survey is { } survey && Campaign.State == CampaignState.Done && time.GetUtcNow() - Campaign.UpdatedAt < TimeSpan.FromMinutes(survey.ExpiresAfterMinutes));

    [TempData]
    public string? Notice { get; set; }

    /// <summary>A step refused, said after the redirect that follows it.</summary>
    [TempData]
    public string? RefusedStep { get; set; }

    /// <summary>Why the back end refused what was just asked (shown as it said it), on this page or after the redirect.</summary>
    public string? Refusal => _refusal ?? RefusedStep;

    private string? _refusal;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <summary>The progress as JSON, for the page's script (polled while the campaign is under way).</summary>
    public async Task<IActionResult> OnGetProgressAsync(string id, CancellationToken cancellationToken)
    {
        if (await campaigns.GetAsync(id, cancellationToken) is not { } campaign) return NotFound();
        return new JsonResult(await ProgressOfAsync(campaign, cancellationToken));
    }

    public async Task<IActionResult> OnPostUploadAsync(string id, IFormFile? numbers, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (numbers is null || numbers.Length == 0) return Refused(T("cmNoFile"));
        if (Campaign.Audience.Kind != AudienceKind.List || Campaign.State != CampaignState.Draft) return Refused(T("cmListOnlyDraft"));
        if (numbers.Length > upload.MaxBytes) return Refused(T("cmListTooLarge", ("max", upload.MaxBytes)));
        using var reader = new StreamReader(numbers.OpenReadStream(), Encoding.UTF8);
        Uploaded = await upload.ReadAsync(id, reader, cancellationToken);
        await AuditAsync("campaign.numbers", "campaign:" + id, $"{Uploaded.Added} added, {Uploaded.Refused} refused, {Uploaded.Duplicates} duplicates");
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    /// <summary>The first press of Launch: counts the audience and the parts, and asks to confirm; nothing is scheduled yet.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (Campaign.State != CampaignState.Draft) return Refused(T("cmOnlyDraftLaunches"));
        var parts = Previews.Count == 0 ? 1 : Previews.Max(p => p.Sms.Parts);
        var size = AudienceSize ?? 0;
        if (size == 0 && await manager.EmptyAudienceAsync(Campaign, cancellationToken) is { } empty)
        {
            // The refusal the launch itself gives, said before the manager is asked to confirm anything.
            await AuditAsync("campaign.launch.refused", "campaign:" + id, empty);
            return Refused(empty);
        }
        Confirmation = new LaunchConfirmation(size, Campaign.Channel == Messaging.ChannelNames.Sms ? parts : null, (long)size * parts);
        return Page();
    }

    public Task<IActionResult> OnPostLaunchAsync(string id, CancellationToken cancellationToken) =>
        StepAsync(id, "campaign.launch", manager.LaunchAsync(id, cancellationToken), "cmLaunched");

    public Task<IActionResult> OnPostPauseAsync(string id, CancellationToken cancellationToken) =>
        StepAsync(id, "campaign.pause", manager.PauseAsync(id, cancellationToken), "cmPaused");

    public Task<IActionResult> OnPostResumeAsync(string id, CancellationToken cancellationToken) =>
        StepAsync(id, "campaign.resume", manager.ResumeAsync(id, cancellationToken), "cmResumed");

    public Task<IActionResult> OnPostCancelAsync(string id, CancellationToken cancellationToken) =>
        StepAsync(id, "campaign.cancel", manager.CancelAsync(id, cancellationToken), "cmCancelled");

    private async Task<IActionResult> StepAsync(string id, string action, Task<CampaignStep> step, string done)
    {
        var outcome = await step;
        if (outcome.Campaign is null) return NotFound();
        await AuditAsync(outcome.Refusal is null ? action : action + ".refused", "campaign:" + id, outcome.Refusal);
        if (outcome.Refusal is null) return RedirectBack(id, T(done));
        RefusedStep = outcome.Refusal;
        return Redirect("/staff/campaigns/" + id);
    }

    private IActionResult RedirectBack(string id, string notice)
    {
        Notice = notice;
        return Redirect("/staff/campaigns/" + id);
    }

    /// <summary>Shows the back end's refusal on the page as it is, the campaign below it.</summary>
    private IActionResult Refused(string refusal)
    {
        _refusal = refusal;
        return Page();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        if (await campaigns.GetAsync(id, cancellationToken) is not { } campaign) return false;
        Campaign = campaign;
        Previews = manager.PreviewChannels(campaign);
        if (campaign.State == CampaignState.Draft)
            AudienceSize = (await manager.AudienceSizeAsync(campaign.Audience, campaign.Id, int.MaxValue, cancellationToken)).Size;
        Progress = await ProgressOfAsync(campaign, cancellationToken);
        return true;
    }

    private async Task<CampaignProgressView> ProgressOfAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        var progress = await manager.ProgressAsync(campaign, cancellationToken);
        int? answered = campaign.Survey is { } survey ? (await surveys.SummarizeAsync(campaign.Id, survey, campaign.DefaultLanguage, cancellationToken)).Answered : null;
        return new CampaignProgressView(campaign.State.ToString(), StateName(campaign.State), progress?.Recipients ?? 0, progress?.Pending ?? 0, progress?.HandedOver ?? 0,
            progress?.Sent ?? 0, progress?.Delivered ?? 0, progress?.Failed ?? 0, progress?.OptedOut ?? 0, progress?.Unreachable ?? 0, progress?.Cancelled ?? 0,
            answered, campaign.RefusedLines, campaign.DuplicateLines);
    }
}

/// <summary>What the page shows of a campaign's progress, and what its script reads: the state and the counts of the current run.</summary>
public sealed record CampaignProgressView(
    string State, string StateName, int Recipients, int Pending, int HandedOver, int Sent, int Delivered, int Failed, int OptedOut, int Unreachable, int Cancelled,
    int? Answered, int RefusedLines, int DuplicateLines);

/// <summary>What the launch confirmation names: the audience, the parts of one message at its longest (SMS only), and the parts at most in all.</summary>
public sealed record LaunchConfirmation(int AudienceSize, int? PartsPerMessage, long TotalParts);
