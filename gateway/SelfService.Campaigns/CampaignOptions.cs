namespace SelfService.Campaigns;

/// <summary>Bound from the "Campaigns" configuration section.</summary>
public sealed class CampaignOptions
{
    public const string Section = "Campaigns";

    /// <summary>The channels a campaign may go by.</summary>
    public List<string> Channels { get; set; } = ["sms"];

    /// <summary>The highest pace staff may set, in SMS parts per second over one campaign: what the operator's SMSC allows campaigns.</summary>
    public double MaxPartsPerSecond { get; set; } = 50;

    /// <summary>The pace of a campaign that names none.</summary>
    public double DefaultPartsPerSecond { get; set; } = 5;

    /// <summary>The most SMS parts one campaign message may take (counted with its placeholders filled at their longest).</summary>
    public int MaxSmsParts { get; set; } = 4;

    /// <summary>Recipients read and written per step when the audience is written out, and per page when sending.</summary>
    public int PageSize { get; set; } = 500;

    /// <summary>The largest number list staff may upload, in bytes.</summary>
    public long MaxListBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// How far back a relative campaign's fire looks for customers who became due: a customer due while the gateway was
    /// down for less than this is still sent to; one due earlier is not (the occasion has passed).
    /// </summary>
    public TimeSpan RelativeLookback { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The time zone of a campaign that names none (IANA).</summary>
    public string DefaultTimeZone { get; set; } = "Europe/Moscow";
}
