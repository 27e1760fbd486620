using System.Globalization;
using SelfService.Campaigns;
using SelfService.Storage.Campaigns;
using SelfService.Storage.Surveys;

namespace SelfService.Desk.Pages.Staff.Campaigns;

/// <summary>
/// The new-campaign form as posted: plain fields (lists as comma-separated text, dates as the browser's date inputs), made
/// into the same <see cref="CampaignDraft"/> the API takes, so the back end's rules judge both alike.
/// </summary>
public sealed class CampaignForm
{
    public string? Name { get; set; }
    public string? Topic { get; set; }
    public string? Channel { get; set; }
    public string DefaultLanguage { get; set; } = "ru";
    public string? TextRu { get; set; }
    public string? TextEn { get; set; }

    public AudienceKind AudienceKind { get; set; } = AudienceKind.Segment;
    public string? Tariffs { get; set; }
    public string? Services { get; set; }
    public List<string> Languages { get; set; } = [];

    /// <summary>The region: number prefixes, such as +7916.</summary>
    public string? Regions { get; set; }

    public List<string> LinkedChannels { get; set; } = [];
    public DateOnly? LastContactAfter { get; set; }
    public DateOnly? LastContactBefore { get; set; }
    public string? AnsweredSurveyId { get; set; }
    public string? AnsweredQuestionId { get; set; }
    public string? AnsweredValues { get; set; }

    public TriggerKind TriggerKind { get; set; } = TriggerKind.Once;

    /// <summary>A once trigger's time, in the campaign's time zone (the browser's datetime-local); empty: at launch.</summary>
    public DateTime? At { get; set; }

    public string? Cron { get; set; }
    public RelativeDateKind RelativeTo { get; set; } = RelativeDateKind.ServiceRenewal;
    public string? RelativeService { get; set; }
    public int OffsetDays { get; set; } = -3;
    public string? DeliverAt { get; set; } = "10:00";

    public double? PartsPerSecond { get; set; }
    public string? QuietFrom { get; set; }
    public string? QuietUntil { get; set; }
    public string? TimeZone { get; set; }

    /// <summary>Optional: the survey the builder holds (no question filled in: none).</summary>
    public SurveyForm Survey { get; set; } = new();

    /// <summary>The draft the API would take, or why the form cannot be read (lines of the survey builder).</summary>
    public (CampaignDraft? Draft, IReadOnlyList<string> Problems) ToDraft(string defaultTimeZone)
    {
        SurveyDefinition? survey = null;
        if (!Survey.IsEmpty)
        {
            (survey, var problems) = Survey.ToDefinition();
            if (survey is null) return (null, problems);
        }
        var texts = new Dictionary<string, string>();
        if (!string.IsNullOrWhiteSpace(TextRu)) texts["ru"] = TextRu;
        if (!string.IsNullOrWhiteSpace(TextEn)) texts["en"] = TextEn;
        var zoneName = string.IsNullOrWhiteSpace(TimeZone) ? defaultTimeZone : TimeZone.Trim();
        return (new CampaignDraft(Name, Topic, Channel, texts, DefaultLanguage, Audience(zoneName), Trigger(zoneName), PartsPerSecond,
            Blank(QuietFrom), Blank(QuietUntil), zoneName, survey), []);
    }

    public CampaignAudience Audience(string zoneName) => new()
    {
        Kind = AudienceKind,
        Tariffs = ListOf(Tariffs, upper: true),
        Services = ListOf(Services, upper: true),
        Languages = [.. Languages.Where(l => !string.IsNullOrWhiteSpace(l))],
        NumberPrefixes = ListOf(Regions, upper: false),
        LinkedChannels = [.. LinkedChannels.Where(l => !string.IsNullOrWhiteSpace(l))],
        LastContactAfter = StartOf(LastContactAfter, zoneName),
        LastContactBefore = StartOf(LastContactBefore, zoneName),
        AnsweredSurvey = string.IsNullOrWhiteSpace(AnsweredSurveyId) ? null : new SurveyAnswerFilter
        {
            SurveyId = AnsweredSurveyId.Trim(), QuestionId = AnsweredQuestionId?.Trim() ?? "", Values = ListOf(AnsweredValues, upper: false),
        },
    };

    private CampaignTrigger Trigger(string zoneName) => TriggerKind switch
    {
        TriggerKind.Cron => new CampaignTrigger { Kind = TriggerKind.Cron, Cron = Cron },
        TriggerKind.Relative => new CampaignTrigger
        {
            Kind = TriggerKind.Relative, RelativeTo = RelativeTo, Service = RelativeService, OffsetDays = OffsetDays, DeliverAt = DeliverAt,
        },
        _ => new CampaignTrigger { Kind = TriggerKind.Once, At = At is { } at ? InZone(at, zoneName) : null },
    };

    /// <summary>The start of <paramref name="day"/> in the campaign's time zone (UTC when the zone is unknown: the rules name that).</summary>
    private static DateTimeOffset? StartOf(DateOnly? day, string zoneName) => day is { } d ? InZone(d.ToDateTime(TimeOnly.MinValue), zoneName) : null;

    private static DateTimeOffset InZone(DateTime local, string zoneName)
    {
        var zone = RecipientClock.FindZone(zoneName) ?? TimeZoneInfo.Utc;
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }

    private static List<string> ListOf(string? text, bool upper) =>
        [.. (text ?? "").Split([',', ';', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => upper ? v.ToUpperInvariant() : v).Distinct(StringComparer.Ordinal)];

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static string Describe(CampaignAudience audience, Func<string, string> t)
    {
        if (audience.Kind == AudienceKind.List) return t("cmAudienceList");
        var parts = new List<string>();
        if (audience.Tariffs.Count > 0) parts.Add(t("cmTariffs") + ": " + string.Join(", ", audience.Tariffs));
        if (audience.Services.Count > 0) parts.Add(t("cmServices") + ": " + string.Join(", ", audience.Services));
        if (audience.Languages.Count > 0) parts.Add(t("cmLanguages") + ": " + string.Join(", ", audience.Languages));
        if (audience.NumberPrefixes.Count > 0) parts.Add(t("cmRegions") + ": " + string.Join(", ", audience.NumberPrefixes));
        if (audience.LinkedChannels.Count > 0) parts.Add(t("cmLinkedChannels") + ": " + string.Join(", ", audience.LinkedChannels));
        if (audience.LastContactAfter is { } after) parts.Add(t("cmLastContactAfter") + ": " + after.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (audience.LastContactBefore is { } before) parts.Add(t("cmLastContactBefore") + ": " + before.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (audience.AnsweredSurvey is { } s)
            parts.Add(t("cmAnswered") + ": " + s.SurveyId + " / " + s.QuestionId + (s.Values.Count > 0 ? " = " + string.Join(", ", s.Values) : ""));
        return parts.Count == 0 ? t("cmEveryone") : string.Join("; ", parts);
    }
}
