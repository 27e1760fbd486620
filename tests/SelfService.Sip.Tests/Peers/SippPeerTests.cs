using System.Collections.Concurrent;
using System.Net;
using SelfService.Sip.Tests.Support;
using SelfService.Testing.Peers;

namespace SelfService.Sip.Tests.Peers;

/// <summary>
/// The user agent against SIPp, a SIP implementation that is not ours: calls with PCMU and RFC 2833 digits (the
/// recordings Debian ships), 20 calls at once, a CANCEL before the answer, and an offer with no codec in common.
/// "0611" answers and collects keys until the caller hangs up; "ring" never answers.
/// </summary>
[NonParallelizable]
public sealed class SippPeerTests
{
    private SipUserAgent agent = null!;
    private readonly ConcurrentDictionary<string, SipCall> calls = new();
    private readonly ConcurrentDictionary<string, string> digits = new();
    private int active;
    private int peak;
    private TaskCompletionSource<bool> transferred = new();

    [SetUp]
    public async Task StartAsync()
    {
        calls.Clear();
        digits.Clear();
        peak = 0;
        transferred = new TaskCompletionSource<bool>();
        agent = new SipUserAgent(new SipUserAgentOptions { LocalAddress = IPAddress.Loopback, Port = 0 }, new Handler(this));
        await agent.StartAsync();
    }

    [TearDown]
    public async Task StopAsync() => await agent.DisposeAsync();

    private sealed class Handler(SippPeerTests test) : ISipCallHandler
    {
        public async Task HandleCallAsync(SipCall call, CancellationToken cancellationToken)
        {
            test.calls[call.CallId] = call;
            if (call.DialledNumber == "transfer")
            {
                await call.AnswerAsync(cancellationToken);
                test.transferred.TrySetResult(await call.TransferAsync(SipUri.Parse("sip:desk@192.0.2.9"), cancellationToken));
                return;
            }
            if (call.DialledNumber != "0611")
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return;
            }
            await call.RingAsync(cancellationToken);
            await call.AnswerAsync(cancellationToken);
            var now = Interlocked.Increment(ref test.active);
            int seen;
            while (now > (seen = Volatile.Read(ref test.peak)) && Interlocked.CompareExchange(ref test.peak, now, seen) != seen) { }
            try
            {
                await foreach (var digit in call.Digits.ReadAllAsync(CancellationToken.None))
                    test.digits.AddOrUpdate(call.CallId, digit.ToString(), (_, keys) => keys + digit);
            }
            finally
            {
                Interlocked.Decrement(ref test.active);
            }
        }
    }

    /// <summary>One of the scenarios beside these tests (Peers/*.xml, copied to the output folder).</summary>
    private static string Scenario(string name) => Path.Combine(TestContext.CurrentContext.TestDirectory, "Peers", name);

    private static void AssertClean(Sipp.Result result) =>
        Assert.That(result.ExitCode, Is.Zero, () => $"sipp failed ({result.ExitCode}):\n{result.Errors}\n{result.Output}");

    [Test]
    public async Task Sipp_CallWithRfc2833Digits_DigitsReceivedAndCallEndsCleanly()
    {
        var result = await Sipp.RunAsync(agent.LocalEndPoint, Scenario("caller-2833.xml"), "0611");

        AssertClean(result);
        var call = calls.Values.Single();
        Assert.That(await call.Completion.Within(), Is.EqualTo(SipCallEndReason.RemoteHangUp));
        Assert.That(digits.GetValueOrDefault(call.CallId), Is.EqualTo("159"));
        Assert.That(call.Media!.Codec, Is.EqualTo(G711Codec.Pcmu));
        Assert.That(call.Media.TelephoneEventPayloadType, Is.EqualTo(101));
        TestContext.Out.WriteLine("sipp call: " + call.SendStatistics);
    }

    [Test]
    public async Task Sipp_TwentyConcurrentCalls_AllAnsweredWithTheirDigits()
    {
        const int Calls = 20;

        var result = await Sipp.RunAsync(agent.LocalEndPoint, Scenario("caller-2833.xml"), "0611", calls: Calls, concurrent: Calls, rate: 100);

        AssertClean(result);
        Assert.That(calls, Has.Count.EqualTo(Calls));
        foreach (var call in calls.Values)
        {
            Assert.That(await call.Completion.Within(), Is.EqualTo(SipCallEndReason.RemoteHangUp));
            Assert.That(digits.GetValueOrDefault(call.CallId), Is.EqualTo("159"), call.CallId);
        }
        var worst = calls.Values.Select(c => c.SendStatistics).MaxBy(s => s.JitterMs)!;
        TestContext.Out.WriteLine($"{Calls} calls, {peak} at once; worst send jitter: {worst}");
    }

    /// <summary>
    /// The concurrency figure of issue 15 (calls at once with clean 20 ms pacing, as the jitter of the sent RTP): a
    /// benchmark, run by hand with --filter "Name=Sipp_ManyConcurrentCalls_Benchmark".
    /// </summary>
    [Test]
    [Explicit("a benchmark: 100 calls at once for about ten seconds")]
    public async Task Sipp_ManyConcurrentCalls_Benchmark()
    {
        const int Calls = 100;

        var result = await Sipp.RunAsync(agent.LocalEndPoint, Scenario("caller-2833-long.xml"), "0611", calls: Calls, concurrent: Calls, rate: 50);

        AssertClean(result);
        Assert.That(calls, Has.Count.EqualTo(Calls));
        var statistics = calls.Values.Select(c => c.SendStatistics).ToList();
        TestContext.Out.WriteLine($"{Calls} calls, {peak} at once: send jitter mean {statistics.Average(s => s.JitterMs):F2} ms, worst {statistics.Max(s => s.JitterMs):F2} ms; " +
            $"lateness mean {statistics.Average(s => s.MeanLatenessMs):F2} ms, worst {statistics.Max(s => s.MaxLatenessMs):F2} ms; {statistics.Sum(s => s.PacketsSent)} packets");
    }

    [Test]
    public async Task Sipp_TransferByRefer_TargetAnswersThenWeHangUp()
    {
        var result = await Sipp.RunAsync(agent.LocalEndPoint, Scenario("caller-transfer.xml"), "transfer");

        AssertClean(result);
        var call = calls.Values.Single();
        Assert.That(await call.Completion.Within(), Is.EqualTo(SipCallEndReason.LocalHangUp));
        Assert.That(await transferred.Task.Within(), Is.True);
    }

    [Test]
    public async Task Sipp_CancelBeforeAnswer_Gets487()
    {
        var result = await Sipp.RunAsync(agent.LocalEndPoint, Scenario("caller-cancel.xml"), "ring");

        AssertClean(result);
        Assert.That(await calls.Values.Single().Completion.Within(), Is.EqualTo(SipCallEndReason.Cancelled));
    }

    [Test]
    public async Task Sipp_NoCommonCodec_Gets488()
    {
        var result = await Sipp.RunAsync(agent.LocalEndPoint, Scenario("caller-g729.xml"), "0611");

        AssertClean(result);
        Assert.That(calls, Is.Empty);
    }

    [Test]
    public async Task Sipp_AnswersOurOutboundCall_ThenOurByeEndsItCleanly()
    {
        var (sipp, port) = Sipp.StartAnswering(Scenario("callee.xml"));

        var call = await agent.CallAsync(SipUri.Parse($"sip:79161234567@127.0.0.1:{port}"), "0611");
        Assert.That(call.State, Is.EqualTo(SipCallState.Established));
        Assert.That(call.Media!.Codec, Is.EqualTo(G711Codec.Pcmu));
        Assert.That(await call.PlayAsync(new short[1600], stopOnDigit: false), Is.EqualTo(PlaybackResult.Completed));
        await call.HangUpAsync();

        AssertClean(await sipp.WaitAsync());
        Assert.That(call.EndReason, Is.EqualTo(SipCallEndReason.LocalHangUp));
        Assert.That(call.Direction, Is.EqualTo(SipCallDirection.Outbound));
    }
}
