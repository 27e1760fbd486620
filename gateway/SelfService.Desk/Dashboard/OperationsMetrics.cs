using System.Diagnostics.Metrics;
using SelfService.Channels.Connections;
using SelfService.Pipeline;

namespace SelfService.Desk.Dashboard;

/// <summary>
/// The dashboard's figures as metrics (gauges, read from the same snapshot when /metrics is scraped), beside the
/// pipeline's counters in the same meter.
/// </summary>
public sealed class OperationsMetrics
{
    public OperationsMetrics(IMeterFactory meters, OperationsFigures figures)
    {
        var meter = meters.Create(PipelineMetrics.MeterName);
        meter.CreateObservableGauge("selfservice.queue.length", () => figures.Observe()?.QueueLength ?? 0, "{conversation}", "Conversations waiting for an agent");
        meter.CreateObservableGauge("selfservice.agents.online", () => figures.Observe()?.AgentsOnline ?? 0, "{agent}", "Agents with the desk open");
        meter.CreateObservableGauge("selfservice.containment.ratio", () => figures.Observe()?.Containment ?? 1.0, null,
            "Share of conversations in the last 24 h handled with no agent");
        meter.CreateObservableGauge("selfservice.escalations.window", () => figures.Observe()?.Escalations ?? 0, "{conversation}", "Escalations in the last 24 h");
        meter.CreateObservableGauge("selfservice.queue.wait.average", () => figures.Observe()?.AverageWait?.TotalSeconds ?? 0, "s",
            "Mean time to an agent, last 24 h");
        meter.CreateObservableGauge("selfservice.queue.wait.p90", () => figures.Observe()?.Wait90?.TotalSeconds ?? 0, "s",
            "90th percentile of the time to an agent, last 24 h");
        meter.CreateObservableGauge("selfservice.outbox.backlog", () => figures.Observe()?.OutboxBacklog ?? 0, "{message}", "Messages waiting to be sent");
        meter.CreateObservableGauge("selfservice.outbox.failed", () => figures.Observe()?.OutboxFailed ?? 0, "{message}", "Messages that failed for good");
        meter.CreateObservableGauge("selfservice.outbound.window", () => figures.Observe() is { } f
                ? [new Measurement<int>(f.CampaignSent, new KeyValuePair<string, object?>("kind", "campaign")),
                   new Measurement<int>(f.RepliesSent, new KeyValuePair<string, object?>("kind", "reply"))]
                : Array.Empty<Measurement<int>>(),
            "{message}", "Messages sent in the last 24 h: campaigns' apart from replies and notices");
        meter.CreateObservableGauge("selfservice.ivr.containment.ratio", () => figures.Observe()?.CallContainment ?? 0, null,
            "Share of voice-menu calls in the last 24 h finished without a person");
        meter.CreateObservableGauge("selfservice.ivr.steps.average", () => figures.Observe()?.AverageCallSteps ?? 0, "{step}",
            "Menu steps a voice-menu call took past the number dialled, on average, last 24 h");
        meter.CreateObservableGauge("selfservice.calls.window", () => figures.Observe() is { } f
                ? f.Calls.ByOutcome.Select(o => new Measurement<long>(o.Value, new KeyValuePair<string, object?>("outcome", o.Key)))
                : [],
            "{call}", "Voice-menu calls in the last 24 h, by how they ended (Transferred: handed to the contact centre)");
        meter.CreateObservableGauge("selfservice.channel.up", () => (figures.Observe()?.Connections ?? []).Select(c =>
            new Measurement<int>(c.State == ConnectionState.Up ? 1 : 0,
                new KeyValuePair<string, object?>("channel", c.Channel), new KeyValuePair<string, object?>("connection", c.Name))),
            null, "1 when the channel's connection is up");
    }
}
