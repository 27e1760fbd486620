using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using SelfService.Speech.Synthesis;

namespace SelfService.Speech.Tests;

public sealed class SpeechMetricsTests
{
    [Test]
    public async Task Instruments_CountRunsAndCacheResults()
    {
        var measurements = new ConcurrentQueue<(string Instrument, string Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == SpeechMetrics.MeterName) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) =>
            measurements.Enqueue((instrument.Name, string.Join(",", tags.ToArray().Select(tag => $"{tag.Key}={tag.Value}")))));
        listener.Start();
        var options = new SpeechOptions();
        var cache = new SynthesizedPromptCache(new EspeakNgSynthesizer(options, new CapturedLogger<EspeakNgSynthesizer>()), options,
            new CapturedLogger<SynthesizedPromptCache>());
        var text = "Metrics " + Guid.NewGuid().ToString("N")[..6];

        await cache.GetAsync(text, options.VoiceFor("en"), CancellationToken.None);
        await cache.GetAsync(text, options.VoiceFor("en"), CancellationToken.None);

        Assert.That(measurements, Does.Contain(("speech.syntheses", "speech.language=en,speech.outcome=ok")));
        Assert.That(measurements, Does.Contain(("speech.cache.lookups", "speech.cache.result=miss")));
        Assert.That(measurements, Does.Contain(("speech.cache.lookups", "speech.cache.result=memory")));
    }
}
