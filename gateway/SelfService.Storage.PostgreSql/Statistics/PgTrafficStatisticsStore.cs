using SelfService.Storage.Statistics;

namespace SelfService.Storage.PostgreSql.Statistics;

/// <summary>The traffic rollup: one row per hour, channel and instance, the three its primary key (0006_traffic_per_instance.sql).</summary>
internal sealed class PgTrafficStatisticsStore(PgDatabase database) : ITrafficStatisticsStore
{
    public Task SaveAsync(IReadOnlyList<TrafficHour> hours, CancellationToken cancellationToken) =>
        hours.Count == 0 ? Task.CompletedTask : database.WriteAsync(async connection =>
        {
            foreach (var hour in hours)
                await Sql.ExecuteAsync(connection, """
                    INSERT INTO traffic_hours (hour, channel, instance, messages, senders, counted_through)
                    VALUES (@hour, @channel, @instance, @messages, @senders, @counted)
                    ON CONFLICT (hour, channel, instance) DO UPDATE
                    SET messages = EXCLUDED.messages, senders = EXCLUDED.senders, counted_through = EXCLUDED.counted_through
                    """, cancellationToken, ("hour", hour.Hour), ("channel", hour.Channel), ("instance", hour.Instance), ("messages", hour.Messages),
                    ("senders", hour.Senders), ("counted", hour.CountedThrough));
        }, cancellationToken);

    public Task<IReadOnlyList<TrafficHour>> SinceAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<TrafficHour>>(async connection => await Sql.ListAsync(connection, """
            SELECT hour, channel, instance, messages, senders, counted_through FROM traffic_hours WHERE hour >= @since ORDER BY hour, channel, instance
            """, r => new TrafficHour
            {
                Hour = r.GetFieldValue<DateTimeOffset>(0), Channel = r.GetString(1), Instance = r.GetString(2), Messages = r.GetInt64(3),
                Senders = r.GetFieldValue<byte[]>(4), CountedThrough = r.GetFieldValue<DateTimeOffset>(5),
            }, cancellationToken, ("since", since)), cancellationToken);

    /// <summary>Deletes the hours that began before the hour holding <paramref name="cutoff"/>, as the LiteDB engine's key range does.</summary>
    public static Task<int> PurgeAsync(PgDatabase database, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var utc = cutoff.UtcDateTime;
        var hour = new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
        return database.WriteAsync(connection => Sql.ExecuteAsync(connection, "DELETE FROM traffic_hours WHERE hour < @hour", cancellationToken, ("hour", hour)),
            cancellationToken);
    }
}
