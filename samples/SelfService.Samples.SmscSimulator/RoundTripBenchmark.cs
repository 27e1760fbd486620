using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using SelfService.Smpp;

namespace SelfService.Samples.SmscSimulator;

/// <summary>What to measure: how many mobile-originated messages, how many customers at once, and what they send.</summary>
internal sealed record BenchmarkSettings(
    int Port, int Messages, int Concurrency, int Warmup, string Text, string ShortCode, string SenderPrefix, TimeSpan ReplyTimeout);

/// <summary>
/// Acts as the SMSC, sends mobile-originated messages from many customers at a set concurrency, and times each one
/// from the deliver_sm going out until the reply's submit_sm comes in (an MO→MT round trip). Each message comes from a
/// number of its own, so no gateway can answer it from a cache of the previous one.
/// </summary>
internal sealed class RoundTripBenchmark(BenchmarkSettings settings, TextWriter output)
{
    private readonly SimulatedSmsc _smsc = new();
    private int _next;

    public SmppServer StartServer()
    {
        var server = new SmppServer(_smsc, new SmppServerOptions
        {
            EndPoint = new IPEndPoint(IPAddress.Loopback, settings.Port), WindowSize = Math.Max(10, settings.Concurrency),
            ResponseTimeout = settings.ReplyTimeout,
        });
        server.Start();
        output.WriteLine($"SMSC simulator listening on 127.0.0.1:{server.Port}");
        return server;
    }

    public async Task WaitForBindAsync(SmppServer server, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (!server.BoundSessions.Any(s => s.CanReceive))
        {
            if (Stopwatch.GetTimestamp() > deadline) throw new TimeoutException($"No ESME bound within {timeout}.");
            await Task.Delay(100, cancellationToken);
        }
        output.WriteLine($"ESME bound: {string.Join(", ", server.BoundSessions)}");
    }

    /// <param name="measuring">Called when the warm-up is over and the measured round trips begin.</param>
    public async Task<BenchmarkResult> RunAsync(SmppServer server, CancellationToken cancellationToken, Action? measuring = null)
    {
        if (settings.Warmup > 0)
        {
            output.WriteLine($"warming up with {settings.Warmup} messages...");
            await RunRoundAsync(server, settings.Warmup, cancellationToken);
        }
        output.WriteLine($"measuring {settings.Messages} round trips with {settings.Concurrency} concurrent customers...");
        measuring?.Invoke();
        var submitsBefore = _smsc.Submits;
        var started = Stopwatch.GetTimestamp();
        var latencies = await RunRoundAsync(server, settings.Messages, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        return new BenchmarkResult(latencies, elapsed, _smsc.Submits - submitsBefore);
    }

    private async Task<List<double>> RunRoundAsync(SmppServer server, int count, CancellationToken cancellationToken)
    {
        var latencies = new List<double>(count);
        var end = Interlocked.Add(ref _next, 0) + count;
        var failures = 0;
        async Task CustomerAsync()
        {
            var mine = new List<double>();
            while (true)
            {
                var i = Interlocked.Increment(ref _next);
                if (i > end) break;
                var msisdn = settings.SenderPrefix + i.ToString("D7", CultureInfo.InvariantCulture);
                var reply = _smsc.ExpectReply(msisdn);
                var t0 = Stopwatch.GetTimestamp();
                try
                {
                    await server.DeliverAsync(new DeliverSm
                    {
                        SourceAddr = msisdn, SourceAddrTon = TypeOfNumber.International, SourceAddrNpi = NumberingPlan.Isdn,
                        DestinationAddr = settings.ShortCode, ShortMessage = Encoding.ASCII.GetBytes(settings.Text),
                    }, cancellationToken);
                    await reply.WaitAsync(settings.ReplyTimeout, cancellationToken);
                    mine.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                }
                catch (Exception ex) when (ex is TimeoutException or SmppException)
                {
                    _smsc.Forget(msisdn);
                    if (Interlocked.Increment(ref failures) <= 5) output.WriteLine($"  no reply for {msisdn}: {ex.Message}");
                }
            }
            lock (latencies) latencies.AddRange(mine);
        }
        await Task.WhenAll(Enumerable.Range(0, settings.Concurrency).Select(_ => Task.Run(CustomerAsync, cancellationToken)));
        if (failures > 0) output.WriteLine($"  {failures} messages got no reply within {settings.ReplyTimeout}");
        return latencies;
    }
}

/// <summary>The measured round trips.</summary>
internal sealed record BenchmarkResult(List<double> LatenciesMs, TimeSpan Elapsed, long Submits)
{
    public double RoundTripsPerSecond => LatenciesMs.Count / Elapsed.TotalSeconds;

    public double Percentile(double p)
    {
        if (LatenciesMs.Count == 0) return double.NaN;
        var sorted = LatenciesMs.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    public void Print(TextWriter output, int concurrency)
    {
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(inv, $"round trips: {LatenciesMs.Count} in {Elapsed.TotalSeconds:F2} s ({Submits} submit_sm)"));
        output.WriteLine(string.Create(inv,
            $"RESULT concurrency={concurrency} round_trips_per_s={RoundTripsPerSecond:F0} p50_ms={Percentile(50):F2} p95_ms={Percentile(95):F2} p99_ms={Percentile(99):F2} max_ms={(LatenciesMs.Count > 0 ? LatenciesMs.Max() : double.NaN):F2}"));
    }
}
