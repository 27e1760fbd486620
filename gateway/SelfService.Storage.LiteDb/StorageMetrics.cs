using System.Diagnostics.Metrics;

namespace SelfService.Storage.LiteDb;

/// <summary>The "SelfService.Storage" meter: how long group commits take and how many writes each holds.</summary>
internal static class StorageMetrics
{
    public const string MeterName = "SelfService.Storage";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Histogram<double> CommitDuration = Meter.CreateHistogram<double>(
        "selfservice.storage.commit.duration", "s", "Time to apply and commit one group of writes");

    public static readonly Histogram<int> BatchSize = Meter.CreateHistogram<int>(
        "selfservice.storage.commit.writes", "{write}", "Writes in one group commit");
}
