using System.Diagnostics.Metrics;

namespace SelfService.Smpp;

/// <summary>The library's instruments, on the meter named <see cref="MeterName"/> (see the README for the list).</summary>
public static class SmppMetrics
{
    /// <summary>Subscribe to this meter (e.g. <c>AddMeter("SelfService.Smpp")</c>) to collect the instruments.</summary>
    public const string MeterName = "SelfService.Smpp";

    private static readonly Meter Meter = new(MeterName);

    internal static readonly Counter<long> PdusSent = Meter.CreateCounter<long>("smpp.pdus.sent", "{pdu}", "PDUs written, by smpp.command.");

    internal static readonly Counter<long> PdusReceived = Meter.CreateCounter<long>("smpp.pdus.received", "{pdu}", "PDUs read, by smpp.command.");

    internal static readonly Counter<long> InvalidPdus = Meter.CreateCounter<long>("smpp.pdus.invalid", "{pdu}", "Frames with a sound header and a bad body (answered, session kept).");

    internal static readonly Counter<long> ConnectionsClosed = Meter.CreateCounter<long>("smpp.connections.closed", "{connection}", "Connections closed, whatever the reason.");

    internal static readonly Counter<long> InboundRefused = Meter.CreateCounter<long>("smpp.inbound.refused", "{pdu}",
        "deliver_sm and data_sm answered ESME_RX_T_APPN because the client's inbound window was full.");

    internal static readonly Counter<long> Binds = Meter.CreateCounter<long>("smpp.binds", "{bind}", "Client bind attempts, by smpp.outcome (ok, refused, failed).");

    internal static readonly Histogram<double> SubmitDuration = Meter.CreateHistogram<double>("smpp.submit.duration", "s",
        "Client submits from call to outcome (bind wait, window, rate limit and throttling included), by smpp.outcome.");

    internal static KeyValuePair<string, object?> Command(CommandId id) => new("smpp.command", id.ToSpecName());

    internal static KeyValuePair<string, object?> Outcome(string outcome) => new("smpp.outcome", outcome);
}
