namespace SelfService.Storage.Campaigns;

/// <summary>
/// Hours of the recipient's day when nothing is sent, as minutes after midnight: from <see cref="StartMinute"/> up to
/// <see cref="EndMinute"/>; a start after the end spans midnight (21:00 to 09:00 is 1260 to 540).
/// </summary>
public sealed class QuietHours
{
    public int StartMinute { get; set; }
    public int EndMinute { get; set; }

    /// <summary>True when <paramref name="minuteOfDay"/> falls in the quiet hours.</summary>
    public bool Contains(int minuteOfDay) =>
        StartMinute <= EndMinute
            ? minuteOfDay >= StartMinute && minuteOfDay < EndMinute
            : minuteOfDay >= StartMinute || minuteOfDay < EndMinute;
}
