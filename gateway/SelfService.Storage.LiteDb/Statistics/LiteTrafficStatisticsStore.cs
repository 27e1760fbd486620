using System.Globalization;
using LiteDB;
using SelfService.Storage.Statistics;

namespace SelfService.Storage.LiteDb.Statistics;

/// <summary>
/// The traffic rollup in "traffic_hours". A row's id is its hour ("yyyyMMddHH", UTC), its channel, then its instance (left
/// out when "", as rows stored before instances had rows of their own were keyed), so the rows of a time range are a range
/// of the primary key, for reading and for retention alike.
/// </summary>
internal sealed class LiteTrafficStatisticsStore(ILiteDatabase database, GroupCommitWriter writer) : ITrafficStatisticsStore
{
    public const string Collection = "traffic_hours";

    public Task SaveAsync(IReadOnlyList<TrafficHour> hours, CancellationToken cancellationToken) =>
        hours.Count == 0 ? Task.CompletedTask : writer.WriteAsync(db =>
        {
            var rows = db.GetCollection(Collection);
            foreach (var hour in hours) rows.Upsert(ToDocument(hour));
        }, cancellationToken);

    public Task<IReadOnlyList<TrafficHour>> SinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        IReadOnlyList<TrafficHour> rows = database.GetCollection(Collection)
            .Find(Filters.AtLeast("_id", HourKey(since)))
            .Select(FromDocument)
            .Where(h => h.Hour >= since)
            .OrderBy(h => h.Hour).ThenBy(h => h.Channel, StringComparer.Ordinal).ThenBy(h => h.Instance, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(rows);
    }

    /// <summary>The id prefix of the hour holding <paramref name="at"/>: every row of a later hour sorts after it.</summary>
    public static string HourKey(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture);

    private static BsonDocument ToDocument(TrafficHour hour) => new()
    {
        ["_id"] = HourKey(hour.Hour) + "|" + hour.Channel + (hour.Instance.Length == 0 ? "" : "|" + hour.Instance),
        [nameof(TrafficHour.Hour)] = hour.Hour.UtcDateTime,
        [nameof(TrafficHour.Channel)] = hour.Channel,
        [nameof(TrafficHour.Instance)] = hour.Instance,
        [nameof(TrafficHour.Messages)] = hour.Messages,
        [nameof(TrafficHour.Senders)] = hour.Senders,
        [nameof(TrafficHour.CountedThrough)] = hour.CountedThrough.UtcDateTime,
    };

    internal static TrafficHour FromDocument(BsonDocument document) => new()
    {
        Hour = Utc(document[nameof(TrafficHour.Hour)]),
        Channel = document[nameof(TrafficHour.Channel)].AsString,
        Instance = document[nameof(TrafficHour.Instance)].AsString ?? "",
        Messages = document[nameof(TrafficHour.Messages)].AsInt64,
        Senders = document[nameof(TrafficHour.Senders)].AsBinary,
        CountedThrough = Utc(document[nameof(TrafficHour.CountedThrough)]),
    };

    // LiteDB reads dates back in local time.
    private static DateTimeOffset Utc(BsonValue value) => new(value.AsDateTime.ToUniversalTime(), TimeSpan.Zero);
}
