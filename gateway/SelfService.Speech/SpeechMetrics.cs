using System.Diagnostics.Metrics;

namespace SelfService.Speech;

/// <summary>The library's instruments, on the meter named <see cref="MeterName"/> (see the README for the list).</summary>
public static class SpeechMetrics
{
    /// <summary>Subscribe to this meter (e.g. <c>AddMeter("SelfService.Speech")</c>) to collect the instruments.</summary>
    public const string MeterName = "SelfService.Speech";

    private static readonly Meter Meter = new(MeterName);

    internal static readonly Counter<long> Syntheses = Meter.CreateCounter<long>("speech.syntheses", "{run}",
        "espeak-ng runs, by speech.language and speech.outcome (ok, synthesizer_missing, synthesizer_failed, timed_out, invalid_output).");

    internal static readonly Histogram<double> SynthesisDuration = Meter.CreateHistogram<double>("speech.synthesis.duration", "s",
        "espeak-ng runs from start to 8 kHz audio, resampling included, by speech.language and speech.outcome.");

    internal static readonly Counter<long> CacheLookups = Meter.CreateCounter<long>("speech.cache.lookups", "{lookup}",
        "Synthesized prompts asked for, by speech.cache.result: memory, disk, shared (joined a run under way) or miss (synthesized).");

    internal static string OutcomeOf(SpeechFailure? failure) => failure switch
    {
        null => "ok",
        SpeechFailure.SynthesizerMissing => "synthesizer_missing",
        SpeechFailure.SynthesizerFailed => "synthesizer_failed",
        SpeechFailure.TimedOut => "timed_out",
        SpeechFailure.InvalidOutput => "invalid_output",
        _ => failure.Value.ToString(),
    };

    internal static KeyValuePair<string, object?> CacheResult(string result) => new("speech.cache.result", result);
}
