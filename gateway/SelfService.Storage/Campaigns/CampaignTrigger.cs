namespace SelfService.Storage.Campaigns;

/// <summary>When a campaign runs: once at a time, or on a cron schedule (Quartz syntax, in the campaign's time zone).</summary>
public sealed class CampaignTrigger
{
    public TriggerKind Kind { get; set; }

    /// <summary>Once: when; null or past: as soon as it is launched.</summary>
    public DateTimeOffset? At { get; set; }

    /// <summary>Cron: a Quartz cron expression, "0 0 10 ? * MON".</summary>
    public string? Cron { get; set; }
}

public enum TriggerKind
{
    Once,
    Cron,
}
