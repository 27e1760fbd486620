namespace SelfService.Storage.Campaigns;

/// <summary>
/// An outbound campaign as staff defined it, and where it stands. Its recipients are rows of their own
/// (<see cref="CampaignRecipient"/>), one per recipient and run, so a restart resumes from the store.
/// </summary>
public sealed class Campaign
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>What the campaign is about (PROMO, NEWS...): a customer may stop one topic (<c>STOP PROMO</c>) and keep others.</summary>
    public string Topic { get; set; } = "";

    /// <summary>The channel it goes by (sms for now).</summary>
    public string Channel { get; set; } = "";

    /// <summary>The text per language ("ru", "en"), with placeholders {name}, {balance}, {service}.</summary>
    public Dictionary<string, string> Texts { get; set; } = [];

    /// <summary>The language of a recipient whose own is unknown or has no text.</summary>
    public string DefaultLanguage { get; set; } = "";

    /// <summary>
    /// The content's kind: null, a message (<see cref="Texts"/>); set, a survey, whose first question follows the text
    /// (the survey's introduction) and whose answers are each recipient's <see cref="Surveys.SurveyResponse"/>.
    /// </summary>
    public Surveys.SurveyDefinition? Survey { get; set; }

    public CampaignAudience Audience { get; set; } = new();
    public CampaignTrigger Trigger { get; set; } = new();

    /// <summary>The pace: SMS parts (not messages) per second handed to the channel.</summary>
    public double PartsPerSecond { get; set; }

    /// <summary>No sending between these hours in the recipient's time zone; null: at any hour.</summary>
    public QuietHours? QuietHours { get; set; }

    /// <summary>The IANA time zone of recipients whose own is unknown, and of the trigger's cron expression.</summary>
    public string TimeZone { get; set; } = "UTC";

    public CampaignState State { get; set; }

    /// <summary>The run being sent, or the last one: the scheduled fire time of its trigger, "yyyyMMddTHHmmssZ".</summary>
    public string? CurrentRun { get; set; }

    /// <summary>True once the current run's audience has been written out as recipient rows in full.</summary>
    public bool CurrentRunExpanded { get; set; }

    /// <summary>Lines of the uploaded number list that were not phone numbers, and numbers listed more than once.</summary>
    public int RefusedLines { get; set; }
    public int DuplicateLines { get; set; }

    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
