using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SelfService.Channels.Voice;
using SelfService.Storage.History;
using SelfService.Testing.Peers;

namespace SelfService.Gateway.Tests.Voice;

/// <summary>
/// How many calls at once the whole voice channel keeps to a clean 20 ms pace (issue 15's concurrency figure, through the
/// gateway rather than the SIP library alone): SIPp places VOICE_BENCHMARK_CALLS (50) calls at once to the balance
/// number, each held until the gateway has spoken the balance at the normal rate and hung up; the figure is the RFC 3550
/// jitter of the RTP the gateway sent, as each call reports it (selfservice.voice.rtp.send_jitter). Run by hand:
/// <c>VOICE_BENCHMARK_CALLS=100 dotnet test tests/SelfService.Gateway.Tests --filter "Name=BalanceNumber_ManyCallsAtOnce_Benchmark"</c>.
/// </summary>
[Explicit("a benchmark: tens of calls at once for several seconds, on the machine's every core")]
[Category("Benchmark")]
[NonParallelizable] // measures a pace: alone (see ParallelFixtures.cs)
public class VoiceSippBenchmarkTests : VoiceGatewayTest
{
    protected override IDictionary<string, string?> VoiceSettings => new Dictionary<string, string?>
    {
        ["Channels:Voice:Numbers:0612:Action"] = "BAL",
        // Every call is Ivan's: his 30 messages a minute would turn the later calls' BAL away.
        ["AccessPolicies:MessagesPerMinute"] = "100000",
    };

    [Test]
    public async Task BalanceNumber_ManyCallsAtOnce_Benchmark()
    {
        var calls = int.Parse(Environment.GetEnvironmentVariable("VOICE_BENCHMARK_CALLS") ?? "50", CultureInfo.InvariantCulture);
        var jitters = new ConcurrentQueue<double>();
        var lateness = new ConcurrentQueue<double>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument is { Name: "selfservice.voice.rtp.send_jitter" or "selfservice.voice.rtp.send_lateness_max", Meter.Name: VoiceMetrics.MeterName })
                    l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
            (instrument.Name == "selfservice.voice.rtp.send_jitter" ? jitters : lateness).Enqueue(value));
        listener.Start();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();

        // All of them within a second: they overlap for the whole of the balance.
        var result = await Sipp.RunAsync(SipEndPoint, Scenario("caller-listen.xml"), "0612",
            calls: calls, concurrent: calls, rate: calls);

        // Each call leaves three entries in Ivan's timeline: BAL, its answer, and the call.
        var history = Gateway.Services.GetRequiredService<IHistoryStore>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        List<HistoryEntry> ended;
        while ((ended = [.. (await history.ForIdentityAsync("voice", Ivan, calls * 4, CancellationToken.None)).Where(e => e.Subject == "call")]).Count < calls
               && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        var wall = clock.Elapsed;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var contained = ended.Count(e => e.Outcome == nameof(CallOutcome.Contained));
        var measured = jitters.ToArray();
        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{calls} calls, {result.PeakCalls} at once (SIPp exit {result.ExitCode}); {contained} heard the balance and were hung up by the gateway; " +
            $"send jitter over {measured.Length} calls: mean {(measured.Length == 0 ? 0 : measured.Average()):F2} ms, worst {(measured.Length == 0 ? 0 : measured.Max()):F2} ms; " +
            $"latest packet against its schedule: {(lateness.IsEmpty ? 0 : lateness.Max()):F2} ms (mean of the calls' worst {(lateness.IsEmpty ? 0 : lateness.Average()):F2} ms); " +
            $"gateway process CPU {cpu.TotalSeconds:F1} s in {wall.TotalSeconds:F1} s ({cpu / wall / Environment.ProcessorCount:P0} of {Environment.ProcessorCount} cores)"));

        Assert.That(result.ExitCode, Is.Zero, () => $"sipp failed ({result.ExitCode}):\n{result.Errors}\n{result.Output}");
        Assert.That(contained, Is.EqualTo(calls), "every call heard the balance");
        Assert.That(measured, Has.Length.EqualTo(calls));
    }
}
