namespace SelfService.Storage.Campaigns;

/// <summary>
/// When a campaign runs: once at a time; on a cron schedule (Quartz syntax, in the campaign's time zone); or relative to a
/// date per customer (<see cref="RelativeTo"/> of <see cref="Service"/>, moved by <see cref="OffsetDays"/>, at
/// <see cref="DeliverAt"/> in the recipient's time zone), each customer's occasion sent once.
/// </summary>
public sealed class CampaignTrigger
{
    public TriggerKind Kind { get; set; }

    /// <summary>Once: when; null or past: as soon as it is launched.</summary>
    public DateTimeOffset? At { get; set; }

    /// <summary>Cron: a Quartz cron expression, "0 0 10 ? * MON".</summary>
    public string? Cron { get; set; }

    /// <summary>Relative: the customer's date the campaign is timed against.</summary>
    public RelativeDateKind RelativeTo { get; set; }

    /// <summary>Relative: the service whose date it is (its code, as the catalogue has it).</summary>
    public string? Service { get; set; }

    /// <summary>Relative: days after the date (negative: before it; -3 is three days before a renewal).</summary>
    public int OffsetDays { get; set; }

    /// <summary>Relative: the time of day, HH:mm in the recipient's time zone, the message is due.</summary>
    public string? DeliverAt { get; set; }

    /// <summary>True for triggers that fire again and again (a cron; a relative trigger looking for who is due).</summary>
    public bool Recurs() => Kind is TriggerKind.Cron or TriggerKind.Relative;
}

public enum TriggerKind
{
    Once,
    Cron,
    Relative,
}

/// <summary>The per-customer dates a relative trigger can be timed against.</summary>
public enum RelativeDateKind
{
    /// <summary>The next renewal of an active monthly service: the day of the month it was activated on.</summary>
    ServiceRenewal,

    /// <summary>The day an active service was activated.</summary>
    ServiceActivated,
}
