using System.Globalization;
using Microsoft.Extensions.Options;
using Quartz;
using SelfService.Commands.Surveys;
using SelfService.Pipeline;
using SelfService.Storage.Campaigns;

namespace SelfService.Campaigns;

/// <summary>
/// Checks a draft and makes it a campaign, or says each thing that is wrong (a bad cron expression, an unknown time zone, a
/// text that takes more SMS parts than allowed...), so the API answers 400 with all of them at once.
/// </summary>
public sealed class CampaignRules(IOptions<CampaignOptions> options, ChannelRegistry channels, IReadOnlyCollection<string> topics, SurveyPrompts prompts)
{
    /// <summary>The campaign topics the catalogue defines (PROMO, NEWS...): what a campaign may be about.</summary>
    public IReadOnlyCollection<string> Topics => topics;

    public (Campaign? Campaign, IReadOnlyList<string> Problems) Check(CampaignDraft draft, string id, string actor, DateTimeOffset now)
    {
        var o = options.Value;
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(draft.Name)) problems.Add("name: required.");
        var topic = draft.Topic?.Trim().ToUpperInvariant() ?? "";
        if (!topics.Contains(topic)) problems.Add($"topic: one of {string.Join(", ", topics)} (the catalogue's campaignTopics).");
        var channel = draft.Channel?.Trim().ToLowerInvariant() ?? o.Channels.FirstOrDefault() ?? "";
        if (!o.Channels.Contains(channel, StringComparer.Ordinal)) problems.Add($"channel: one of {string.Join(", ", o.Channels)}.");
        var texts = (draft.Texts ?? []).Where(t => !string.IsNullOrWhiteSpace(t.Value))
            .ToDictionary(t => t.Key.Trim().ToLowerInvariant(), t => t.Value.Trim(), StringComparer.Ordinal);
        if (texts.Count == 0) problems.Add("texts: at least one language's text, such as {\"ru\": \"...\", \"en\": \"...\"}.");
        var language = draft.DefaultLanguage?.Trim().ToLowerInvariant() ?? texts.Keys.FirstOrDefault() ?? "";
        if (texts.Count > 0 && !texts.ContainsKey(language)) problems.Add("defaultLanguage: must be one of the texts' languages.");
        var profile = channels.ProfileOf(channel);
        var survey = draft.Survey;
        if (survey is not null) problems.AddRange(SurveyRules.Check(survey, language));
        var surveySendable = survey is not null && problems.Count == 0;
        foreach (var (textLanguage, text) in texts)
        {
            // A survey's first message is its text and the first question, numbered as SMS shows it: that is what it costs.
            var first = surveySendable ? prompts.Ask(survey!.Questions[0], textLanguage, channel, text).Short : text;
            var parts = CampaignText.Preview(first, profile).Parts;
            if (parts > o.MaxSmsParts) problems.Add($"texts.{textLanguage}: takes {parts} SMS parts at its longest; at most {o.MaxSmsParts}.");
            foreach (var unknown in System.Text.RegularExpressions.Regex.Matches(text, @"\{(\w+)\}").Select(m => m.Groups[1].Value)
                         .Where(p => !CampaignText.Placeholders.Contains(p)).Distinct())
                problems.Add($"texts.{textLanguage}: unknown placeholder {{{unknown}}}; use {{name}}, {{balance}}, {{service}} or {{date}}.");
        }

        var rate = draft.PartsPerSecond ?? o.DefaultPartsPerSecond;
        if (!(rate > 0 && rate <= o.MaxPartsPerSecond)) problems.Add(
            $"partsPerSecond: more than 0 and at most {o.MaxPartsPerSecond.ToString(CultureInfo.InvariantCulture)} SMS parts a second (Campaigns:MaxPartsPerSecond, what the SMSC bind allows campaigns).");
        var timeZone = string.IsNullOrWhiteSpace(draft.TimeZone) ? o.DefaultTimeZone : draft.TimeZone.Trim();
        var zone = RecipientClock.FindZone(timeZone);
        if (zone is null) problems.Add($"timeZone: \"{timeZone}\" is not a time zone (use an IANA name such as Europe/Moscow).");
        var quiet = QuietHoursOf(draft, problems);
        var trigger = TriggerOf(draft.Trigger, zone, problems);
        var audience = draft.Audience ?? new CampaignAudience();
        if (audience.Kind == AudienceKind.Segment) problems.AddRange(SegmentProblems(audience));

        if (problems.Count > 0) return (null, problems);
        return (new Campaign
        {
            Id = id, Name = draft.Name!.Trim(), Topic = topic, Channel = channel, Texts = texts, DefaultLanguage = language, Audience = audience,
            Trigger = trigger!, PartsPerSecond = rate, QuietHours = quiet, TimeZone = timeZone, State = CampaignState.Draft,
            CreatedBy = actor, CreatedAt = now, UpdatedAt = now, Survey = survey,
        }, problems);
    }

    private static IEnumerable<string> SegmentProblems(CampaignAudience segment)
    {
        if (segment.LastContactAfter is { } after && segment.LastContactBefore is { } before && after >= before)
            yield return "audience.lastContactAfter: must come before audience.lastContactBefore (they bound one span of time).";
        if (segment.AnsweredSurvey is { } answered && (string.IsNullOrWhiteSpace(answered.SurveyId) || string.IsNullOrWhiteSpace(answered.QuestionId)))
            yield return "audience.answeredSurvey: name the survey (a survey campaign's id, or csat) and its question.";
    }

    private static QuietHours? QuietHoursOf(CampaignDraft draft, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(draft.QuietFrom) && string.IsNullOrWhiteSpace(draft.QuietUntil)) return null;
        var from = MinuteOf(draft.QuietFrom);
        var until = MinuteOf(draft.QuietUntil);
        if (from is null || until is null || from == until)
        {
            problems.Add("quietFrom, quietUntil: both times of day, HH:mm, not equal (21:00 and 09:00 span the night).");
            return null;
        }
        return new QuietHours { StartMinute = from.Value, EndMinute = until.Value };
    }

    private static int? MinuteOf(string? time) =>
        TimeOnly.TryParseExact(time?.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? parsed.Hour * 60 + parsed.Minute
            : null;

    private static CampaignTrigger? TriggerOf(CampaignTrigger? trigger, TimeZoneInfo? zone, List<string> problems)
    {
        trigger ??= new CampaignTrigger { Kind = TriggerKind.Once };
        if (trigger.Kind == TriggerKind.Once) return new CampaignTrigger { Kind = TriggerKind.Once, At = trigger.At };
        if (trigger.Kind == TriggerKind.Relative) return RelativeTriggerOf(trigger, problems);
        if (string.IsNullOrWhiteSpace(trigger.Cron))
        {
            problems.Add("trigger.cron: required for a cron trigger, such as \"0 0 10 ? * MON\" (Quartz syntax: seconds first).");
            return null;
        }
        try
        {
            var expression = CronExpression.Parse(trigger.Cron.Trim());
            if (zone is not null && expression.WithTimeZone(zone).GetNextValidTimeAfter(DateTimeOffset.UtcNow) is null)
                problems.Add($"trigger.cron: \"{trigger.Cron}\" never fires again.");
        }
        catch (FormatException ex)
        {
            problems.Add($"trigger.cron: \"{trigger.Cron}\" is not a Quartz cron expression: {ex.Message}");
            return null;
        }
        return new CampaignTrigger { Kind = TriggerKind.Cron, Cron = trigger.Cron.Trim() };
    }

    private static CampaignTrigger? RelativeTriggerOf(CampaignTrigger trigger, List<string> problems)
    {
        var count = problems.Count;
        if (string.IsNullOrWhiteSpace(trigger.Service)) problems.Add("trigger.service: the service whose date the campaign is timed against, such as \"ROAMING\".");
        if (trigger.OffsetDays is < -366 or > 366) problems.Add("trigger.offsetDays: from -366 to 366 (negative: before the date).");
        if (!RelativeDates.TryDeliveryTime(trigger.DeliverAt, out _)) problems.Add("trigger.deliverAt: the time of day, HH:mm, in the recipient's time zone.");
        if (!Enum.IsDefined(trigger.RelativeTo)) problems.Add("trigger.relativeTo: ServiceRenewal or ServiceActivated.");
        return problems.Count > count ? null : new CampaignTrigger
        {
            Kind = TriggerKind.Relative, RelativeTo = trigger.RelativeTo, Service = trigger.Service!.Trim().ToUpperInvariant(), OffsetDays = trigger.OffsetDays,
            DeliverAt = trigger.DeliverAt!.Trim(),
        };
    }
}
