using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SelfService.Campaigns;
using SelfService.Storage.Campaigns;

namespace SelfService.Desk.Pages.Staff.Campaigns;

/// <summary>
/// A new campaign: the audience (a segment, whose size is counted on request, or a number list uploaded after saving), the
/// text per language, previewed per channel, the trigger and the pace. Saving goes through <see cref="CampaignManager"/>,
/// whose rules name every problem; the page shows them beside the form it keeps.
/// </summary>
public sealed class NewModel(CampaignManager manager, CampaignRules rules, ICampaignStore campaigns, IOptions<CampaignOptions> options, TimeProvider time)
    : CampaignPageModel
{
    [BindProperty]
    public CampaignForm Form { get; set; } = new();

    public int? AudienceSize { get; private set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public IReadOnlyList<CampaignChannelPreview> Previews { get; private set; } = [];

    public IReadOnlyCollection<string> Topics => rules.Topics;

    public IReadOnlyList<string> Channels => options.Value.Channels;

    public CampaignOptions Options => options.Value;

    /// <summary>The surveys a segment may be drawn from: survey campaigns, and the CSAT survey.</summary>
    public IReadOnlyList<(string Id, string Name)> Surveys { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Form.DefaultLanguage = Language;
        Form.Topic = Topics.FirstOrDefault();
        Form.Channel = Channels.FirstOrDefault();
        Form.PartsPerSecond = options.Value.DefaultPartsPerSecond;
        Form.TimeZone = options.Value.DefaultTimeZone;
        await LoadAsync(cancellationToken);
    }

    /// <summary>How many the segment holds now.</summary>
    public async Task<IActionResult> OnPostCountAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Unreadable() is { Count: > 0 } unreadable)
        {
            Problems = unreadable;
            return Page();
        }
        if (Form.AudienceKind == AudienceKind.List)
        {
            Problems = [T("cmListCountedAfterSave")];
            return Page();
        }
        var (size, problem) = await manager.AudienceSizeAsync(Form.Audience(ZoneName), null, int.MaxValue, cancellationToken);
        if (problem is not null) Problems = [problem];
        AudienceSize = size;
        return Page();
    }

    /// <summary>The text per language as each channel carries it, after the same checks saving makes.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Unreadable() is { Count: > 0 } unreadable) Problems = unreadable;
        else if (Checked() is { } campaign) Previews = manager.PreviewChannels(campaign);
        return Page();
    }

    /// <summary>One more (blank) question in the survey builder; nothing is checked or saved.</summary>
    public async Task<IActionResult> OnPostAddQuestionAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();   // the page shows the form as posted, plus the new question
        Form.Survey.Questions.Add(new QuestionForm { Id = "q" + (Form.Survey.Questions.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>Takes question <paramref name="index"/> out of the survey builder.</summary>
    public async Task<IActionResult> OnPostRemoveQuestionAsync(int index, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (index >= 0 && index < Form.Survey.Questions.Count) Form.Survey.Questions.RemoveAt(index);
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        var (draft, formProblems) = Form.ToDraft(options.Value.DefaultTimeZone);
        if (Unreadable() is { Count: > 0 } unreadable)
        {
            Problems = unreadable;
        }
        else if (draft is not null)
        {
            var (campaign, problems) = await manager.CreateAsync(draft, Actor, cancellationToken);
            if (campaign is not null)
            {
                await AuditAsync("campaign.create", "campaign:" + campaign.Id, campaign.Name);
                return Redirect("/staff/campaigns/" + campaign.Id);
            }
            Problems = problems;
        }
        else
        {
            Problems = formProblems;
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>Fields the browser sent that are no value of their kind (a pace of "fast"): named, rather than read as empty.</summary>
    private IReadOnlyList<string> Unreadable() =>
        [.. ModelState.Where(e => e.Value is { Errors.Count: > 0 })
            .Select(e => T("cmNotValid", ("field", e.Key.StartsWith("Form.", StringComparison.Ordinal) ? e.Key[5..] : e.Key), ("value", e.Value!.AttemptedValue ?? "")))];

    private string ZoneName => string.IsNullOrWhiteSpace(Form.TimeZone) ? options.Value.DefaultTimeZone : Form.TimeZone.Trim();

    /// <summary>The campaign the form makes, unsaved, or null with <see cref="Problems"/> set.</summary>
    private Campaign? Checked()
    {
        var (draft, formProblems) = Form.ToDraft(options.Value.DefaultTimeZone);
        if (draft is null)
        {
            Problems = formProblems;
            return null;
        }
        var (campaign, problems) = rules.Check(draft, "preview", Actor, time.GetUtcNow());
        Problems = problems;
        return campaign;
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Surveys = [(Storage.Surveys.SurveyResponse.CsatSurveyId, "CSAT"),
            .. (await campaigns.ListAsync(100, cancellationToken)).Where(c => c.Survey is not null).Select(c => (c.Id, c.Name))];
}
