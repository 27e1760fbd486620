using System.Diagnostics.Metrics;

namespace SelfService.Storage;

/// <summary>
/// The "SelfService.Storage" meter, one for every engine so /metrics shows commits the same way on each: how long a
/// commit takes and how many writes it holds (LiteDB's group commits hold many, a PostgreSQL transaction one).
/// </summary>
public static class StorageMetrics
{
    public const string MeterName = "SelfService.Storage";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Histogram<double> CommitDuration = Meter.CreateHistogram<double>(
        "selfservice.storage.commit.duration", "s", "Time to apply and commit one group of writes");

    public static readonly Histogram<int> BatchSize = Meter.CreateHistogram<int>(
        "selfservice.storage.commit.writes", "{write}", "Writes in one group commit");
}
