using System.Diagnostics.Metrics;

namespace SelfService.Storage.PostgreSql;

/// <summary>
/// The "SelfService.Storage" meter, as the LiteDB engine names it, so /metrics shows commits the same way on either
/// engine: here each write transaction is one commit of one write.
/// </summary>
internal static class StorageMetrics
{
    public const string MeterName = "SelfService.Storage";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Histogram<double> CommitDuration = Meter.CreateHistogram<double>(
        "selfservice.storage.commit.duration", "s", "Time to apply and commit one group of writes");

    public static readonly Histogram<int> BatchSize = Meter.CreateHistogram<int>(
        "selfservice.storage.commit.writes", "{write}", "Writes in one group commit");
}
