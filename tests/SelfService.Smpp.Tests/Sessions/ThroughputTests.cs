using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using SelfService.Smpp.Tests.Support;

namespace SelfService.Smpp.Tests.Sessions;

/// <summary>How fast the client and server go together over loopback, in one process (so both share the cores).</summary>
/// <remarks>The floors are far below what the code does, so that a slow CI machine passes; the figures are printed.</remarks>
public class ThroughputTests
{
    [Test]
    public async Task Submit_ManyConcurrent_SustainsThousandsPerSecond()
    {
        await using var h = await ClientHarness.StartAsync(o => o.WindowSize = 100);
        const int count = 20_000;
        var submit = ClientHarness.Submit("Throughput test message");

        var stopwatch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 200 }, async (_, ct) =>
            await h.Client.SubmitAsync(submit, ct));
        stopwatch.Stop();

        double rate = count / stopwatch.Elapsed.TotalSeconds;
        TestContext.Out.WriteLine($"{count} submits in {stopwatch.ElapsedMilliseconds} ms: {rate:0} submit/s (window 100)");
        Assert.That(h.Smsc.Accepted, Has.Count.EqualTo(count));
        Assert.That(rate, Is.GreaterThan(2000));
    }

    [Test]
    public async Task MoThenMt_HundredCustomers_SustainsThousandsOfRoundTripsPerSecond()
    {
        // 100 customers each send an MO (deliver_sm) and wait for the MT (submit_sm) the application answers with.
        var smsc = new MtWaitingSmsc();
        var server = new SmppServer(smsc, new SmppServerOptions { WindowSize = 100 });
        server.Start();
        var options = ClientHarness.Options(server.Port);
        options.WindowSize = 100;
        SmppClient? client = null;
        var handler = new EchoHandler(pdu => client!.SubmitAsync(new SubmitSm { SourceAddr = "1234", DestinationAddr = pdu.SourceAddr, ShortMessage = "Your balance is 100"u8.ToArray() }, CancellationToken.None));
        client = new SmppClient(options, handler, TimeProvider.System, NullLogger<SmppClient>.Instance);
        await client.StartAsync(CancellationToken.None);
        await client.WaitUntilBoundAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));

        var duration = TimeSpan.FromSeconds(2);
        var stopwatch = Stopwatch.StartNew();
        var customers = Enumerable.Range(0, 100).Select(async customer =>
        {
            string msisdn = "7916" + customer.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
            int trips = 0;
            while (stopwatch.Elapsed < duration)
            {
                var mt = smsc.Expect(msisdn);
                var resp = await server.DeliverAsync(new DeliverSm { SourceAddr = msisdn, DestinationAddr = "1234", ShortMessage = "BAL"u8.ToArray() }, CancellationToken.None);
                Assert.That(resp.CommandStatus, Is.EqualTo(CommandStatus.Ok));
                await mt.WaitAsync(TimeSpan.FromSeconds(5));
                trips++;
            }
            return trips;
        }).ToArray();
        int total = (await Task.WhenAll(customers)).Sum();
        stopwatch.Stop();

        double rate = total / stopwatch.Elapsed.TotalSeconds;
        TestContext.Out.WriteLine($"{total} MO→MT round trips in {stopwatch.ElapsedMilliseconds} ms: {rate:0}/s with 100 customers, client and SMSC in one process");
        await client.DisposeAsync();
        await server.DisposeAsync();
        Assert.That(rate, Is.GreaterThan(1000));
    }

    private sealed class EchoHandler(Func<DeliverSm, Task> reply) : ISmppInboundHandler
    {
        public ValueTask<CommandStatus> OnDeliverAsync(DeliverSm pdu, CancellationToken cancellationToken)
        {
            // As the gateway does: accept (persist), answer later.
            _ = reply(pdu);
            return ValueTask.FromResult(CommandStatus.Ok);
        }

        public ValueTask<CommandStatus> OnDataSmAsync(DataSm pdu, CancellationToken cancellationToken) => ValueTask.FromResult(CommandStatus.Ok);
    }

    private sealed class MtWaitingSmsc : ISmppServerHandler
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, TaskCompletionSource> _waiting = new();
        private int _id;

        public Task Expect(string msisdn)
        {
            var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting[msisdn] = tcs;
            return tcs.Task;
        }

        public ValueTask<CommandStatus> OnBindAsync(SmppServerSession session, BindRequest request, CancellationToken cancellationToken) => ValueTask.FromResult(CommandStatus.Ok);

        public ValueTask<SubmitSmResp> OnSubmitAsync(SmppServerSession session, SubmitSm request, CancellationToken cancellationToken)
        {
            if (_waiting.TryRemove(request.DestinationAddr, out var tcs)) tcs.TrySetResult();
            return ValueTask.FromResult(new SubmitSmResp { MessageId = Interlocked.Increment(ref _id).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }
    }
}
