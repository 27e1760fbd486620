using PhoneNumbers;
using SelfService.Storage.Campaigns;

namespace SelfService.Campaigns;

/// <summary>
/// A recipient's local time: their number's time zone when the numbering plan gives exactly one (+44: Europe/London),
/// else the campaign's (+7 mobile numbers span eleven zones); and whether that local time is in the quiet hours.
/// </summary>
public static class RecipientClock
{
    private static readonly PhoneNumberUtil Numbers = PhoneNumberUtil.GetInstance();

    public static TimeZoneInfo? FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }

    /// <summary>The number's own time zone, or null when its plan gives none or several.</summary>
    public static string? ZoneOfNumber(string msisdn)
    {
        try
        {
            var zones = PhoneNumberToTimeZonesMapper.GetInstance().GetTimeZonesForNumber(Numbers.Parse(msisdn, null));
            return zones.Count == 1 && FindZone(zones[0]) is not null ? zones[0] : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>When the quiet hours that hold at <paramref name="now"/> end for the recipient; null when it is not quiet there.</summary>
    public static DateTimeOffset? QuietUntil(QuietHours? quiet, string timeZone, DateTimeOffset now)
    {
        if (quiet is null) return null;
        var zone = FindZone(timeZone) ?? TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var minute = local.Hour * 60 + local.Minute;
        if (!quiet.Contains(minute)) return null;
        var minutesLeft = (quiet.EndMinute - minute + 24 * 60) % (24 * 60);
        return now.AddMinutes(minutesLeft).AddSeconds(-local.Second);
    }
}
