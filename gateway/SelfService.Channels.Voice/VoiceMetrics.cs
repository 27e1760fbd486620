using System.Diagnostics.Metrics;

namespace SelfService.Channels.Voice;

/// <summary>
/// The voice menu's meter, for /metrics: calls by how they ended (IVR containment is the share ended "Contained"), the
/// steps callers took past the number they dialled, how long calls last, and how steady their audio was.
/// </summary>
public static class VoiceMetrics
{
    public const string MeterName = "SelfService.Voice";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Calls = Meter.CreateCounter<long>("selfservice.voice.calls", "{call}", "Calls of the voice menu, by how they ended");

    private static readonly Histogram<int> Steps = Meter.CreateHistogram<int>("selfservice.voice.path.steps", "{step}",
        "Menu steps a caller took past the number dialled (keys that moved them, 0 and * included)");

    private static readonly Histogram<double> Durations = Meter.CreateHistogram<double>("selfservice.voice.call.duration", "s", "How long a call lasted");

    private static readonly Histogram<double> SendJitter = Meter.CreateHistogram<double>("selfservice.voice.rtp.send_jitter", "ms",
        "RFC 3550 jitter of the RTP a call was sent (how steadily the 20 ms pace was kept); over 10 ms a caller starts to hear it");

    private static readonly Histogram<double> SendLateness = Meter.CreateHistogram<double>("selfservice.voice.rtp.send_lateness_max", "ms",
        "The latest a call's audio packet went out against its 20 ms schedule (the worst moment of its pace)");

    private static readonly Counter<long> Callbacks = Meter.CreateCounter<long>("selfservice.voice.callbacks", "{call}",
        "Calls the gateway placed to speak a reply to a caller, by how they ended (CalledBack, NotAnswered, HungUp)");

    internal static void RecordCallback(CallOutcome outcome) => Callbacks.Add(1, new KeyValuePair<string, object?>("outcome", outcome.ToString()));

    internal static void Record(CallRecord call)
    {
        var outcome = new KeyValuePair<string, object?>("outcome", call.Outcome.ToString());
        Calls.Add(1, outcome);
        Steps.Record(call.Steps, outcome);
        Durations.Record(call.Duration.TotalSeconds, outcome);
        if (call.Outcome is CallOutcome.NotInService) return;
        SendJitter.Record(call.SendJitterMs);
        SendLateness.Record(call.SendMaxLatenessMs);
    }
}
