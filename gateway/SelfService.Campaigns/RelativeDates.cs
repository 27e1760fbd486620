using System.Globalization;
using SelfService.Storage.Campaigns;
using SelfService.Storage.Provisioning;

namespace SelfService.Campaigns;

/// <summary>
/// When a relative trigger makes a customer due: their date (an active service's activation, or its next monthly renewal
/// on the day of the month it was activated), moved by the offset, at the delivery time in their time zone. A fire finds
/// those whose due moment has come within the lookback; the occasion names their due row, so every fire that sees it
/// (the next hour's, one after a restart) finds the row already there, and each occasion is sent once.
/// </summary>
public static class RelativeDates
{
    /// <summary>The customer's occasion due at or before <paramref name="fireTime"/> and after <paramref name="fireTime"/> less <paramref name="lookback"/>; null: none.</summary>
    public static RelativeOccasion? DueAt(CampaignTrigger trigger, ProvisionedSubscriber subscriber, TimeZoneInfo zone, DateTimeOffset fireTime, TimeSpan lookback)
    {
        var service = subscriber.Services.FirstOrDefault(s => string.Equals(s.Code, trigger.Service, StringComparison.OrdinalIgnoreCase)
            && string.Equals(s.State, "active", StringComparison.OrdinalIgnoreCase));
        if (service is null || !TryDeliveryTime(trigger.DeliverAt, out var deliverAt)) return null;
        var since = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(service.Since, zone).DateTime);
        IEnumerable<DateOnly> dates;
        if (trigger.RelativeTo == RelativeDateKind.ServiceActivated) dates = [since];
        else
        {
            // The renewals whose due moment could fall in the window: around the month of (fire time - offset).
            var target = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(fireTime, zone).DateTime).AddDays(-trigger.OffsetDays);
            var months = (target.Year - since.Year) * 12 + target.Month - since.Month;
            dates = Enumerable.Range(months - 1, 3).Where(k => k >= 1).Select(k => since.AddMonths(k));
        }
        return dates.Select(date => new RelativeOccasion(date, DueMoment(date.AddDays(trigger.OffsetDays), deliverAt, zone)))
            .Where(o => o.Due <= fireTime && o.Due > fireTime - lookback)
            .OrderByDescending(o => o.Due).Cast<RelativeOccasion?>().FirstOrDefault();
    }

    public static bool TryDeliveryTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text?.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    /// <summary>The local day and time as an instant; a time skipped by a clock change moves on by an hour.</summary>
    private static DateTimeOffset DueMoment(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local)) local = local.AddHours(1);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}

/// <summary>A customer's date (<see cref="Date"/>, for {date}) and the moment the message about it is due.</summary>
public readonly record struct RelativeOccasion(DateOnly Date, DateTimeOffset Due)
{
    /// <summary>What names the occasion's due row: its due moment, as runs are named.</summary>
    public string Key => "due" + CampaignRun.KeyOf(Due);
}
