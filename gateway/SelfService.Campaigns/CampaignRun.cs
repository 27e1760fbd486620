using System.Globalization;

namespace SelfService.Campaigns;

/// <summary>A run of a campaign is named by the time its trigger was due, so a trigger firing twice for one time is one run.</summary>
public static class CampaignRun
{
    /// <summary>The due time a run is named by.</summary>
    public static DateTimeOffset TimeOf(string run) =>
        DateTimeOffset.ParseExact(run, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public static string KeyOf(DateTimeOffset scheduledFireTime) =>
        scheduledFireTime.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
}
