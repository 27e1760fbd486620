namespace SelfService.Storage.Statistics;

/// <summary>
/// The rollup the dashboard and /metrics read instead of scanning the messages: one row per channel, hour and instance,
/// written whole every few seconds by the instance that counted them (so instances never overwrite each other's counts).
/// </summary>
public interface ITrafficStatisticsStore
{
    /// <summary>Writes each row in place of the stored one of the same hour, channel and instance; all rows in one commit.</summary>
    Task SaveAsync(IReadOnlyList<TrafficHour> hours, CancellationToken cancellationToken);

    /// <summary>The rows of every instance for the hours starting at or after <paramref name="since"/>, oldest first.</summary>
    Task<IReadOnlyList<TrafficHour>> SinceAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
