using System.Diagnostics.Metrics;

namespace SelfService.Pipeline;

/// <summary>
/// The pipeline's counters (OpenTelemetry reads them through System.Diagnostics.Metrics and exports them at /metrics):
/// messages accepted and recognised as redeliveries per channel, outcomes per kind, sends per channel and result.
/// </summary>
public sealed class PipelineMetrics
{
    public const string MeterName = "SelfService.Gateway";

    private readonly Counter<long> _accepted;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _outcomes;
    private readonly Counter<long> _sends;
    private readonly Histogram<double> _stages;

    public PipelineMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _accepted = meter.CreateCounter<long>("selfservice.inbound.messages", "{message}", "Inbound messages accepted, per channel");
        _duplicates = meter.CreateCounter<long>("selfservice.inbound.duplicates", "{message}", "Redeliveries recognised and not run again, per channel");
        _outcomes = meter.CreateCounter<long>("selfservice.outcomes", "{message}", "Processed messages per outcome (Answered, Executed, Escalated...)");
        _sends = meter.CreateCounter<long>("selfservice.outbox.sends", "{message}", "Outbound sends per channel and result (sent, retry, waiting, failed)");
        _stages = meter.CreateHistogram<double>("selfservice.pipeline.stage.duration", "s",
            "Time spent per stage of the message path: accept (stored), queued (waiting for a worker), process, commit, send");
    }

    public void Accepted(string channel, bool duplicate) =>
        (duplicate ? _duplicates : _accepted).Add(1, new KeyValuePair<string, object?>("channel", channel));

    public void Processed(string channel, string outcome) =>
        _outcomes.Add(1, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("outcome", outcome));

    public void Stage(string stage, TimeSpan duration) =>
        _stages.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("stage", stage));

    public void Sent(string channel, string result) =>
        _sends.Add(1, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("result", result));
}
