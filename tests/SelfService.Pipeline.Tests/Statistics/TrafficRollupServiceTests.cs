using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SelfService.Messaging;
using SelfService.Pipeline.Statistics;
using SelfService.Storage.Cluster;
using SelfService.Storage.Leases;
using SelfService.Storage.LiteDb;
using SelfService.Testing;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace SelfService.Pipeline.Tests.Statistics;

/// <summary>
/// The dashboard's counters across restarts and instances, on the real store: stored when the gateway stops, counted again
/// after a kill, and each instance's kept apart from the others' and added to them. Each start is a new instance id, as a
/// new process is by default (host and pid).
/// </summary>
public class TrafficRollupServiceTests
{
    private FakeTimeProvider _time = null!;
    private TemporaryFolder _folder = null!;
    private TestMeterFactory _meters = null!;

    [SetUp]
    public void Start()
    {
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 14, 20, 0, TimeSpan.Zero));
        _folder = new TemporaryFolder();
        _meters = new TestMeterFactory();
    }

    [TearDown]
    public void Clean()
    {
        _meters.Dispose();
        _folder.Dispose();
    }

    [Test]
    public async Task Restart_AfterAStop_ShowsWhatWasCountedBefore()
    {
        using (var first = Open())
        {
            await first.Service.StartAsync(CancellationToken.None);
            await first.AcceptAsync("+79990000001", "+79990000002", "+79990000001");
            await first.Service.StopAsync(CancellationToken.None);
        }

        _time.Advance(TimeSpan.FromMinutes(1));
        using var second = Open();
        await second.Service.StartAsync(CancellationToken.None);
        await second.Service.Restored;
        await second.AcceptAsync("+79990000003");

        var window = second.Statistics.Read(24);
        Assert.That(window.MessagesByChannel["sms"].Sum(), Is.EqualTo(4));
        Assert.That(window.Conversations, Is.EqualTo(3));
        await second.Service.StopAsync(CancellationToken.None);
    }

    [Test]
    public async Task Restart_AfterAKill_CountsAgainWhatCameAfterTheLastWrite()
    {
        using (var first = Open())
        {
            await first.Service.StartAsync(CancellationToken.None);
            await first.Service.Restored;
            await first.AcceptAsync("+79990000001", "+79990000002");
            _time.Advance(TimeSpan.FromSeconds(5));   // the periodic write
            await WaitForStoredAsync(first, 2);
            _time.Advance(TimeSpan.FromSeconds(1));
            await first.AcceptAsync("+79990000003", "+79990000001");
            // Killed: no stop, so these two are in the inbound log and nowhere else.
        }

        _time.Advance(TimeSpan.FromMinutes(1));
        using var second = Open();
        await second.Service.StartAsync(CancellationToken.None);
        await second.Service.Restored;

        var window = second.Statistics.Read(24);
        Assert.That(window.MessagesByChannel["sms"].Sum(), Is.EqualTo(4));
        Assert.That(window.Conversations, Is.EqualTo(3));
        await second.Service.StopAsync(CancellationToken.None);
    }

    [Test]
    public async Task TwoInstancesOnOneStore_EachWritesItsOwnRows_AndShowsTheSum()
    {
        using var storage = OpenStorage();
        var a = Open(storage, "gw-a");
        await a.Service.StartAsync(CancellationToken.None);
        await a.Service.Restored;
        await a.AcceptAsync("+79990000001", "+79990000002");
        _time.Advance(TimeSpan.FromSeconds(5));   // A's periodic write
        await WaitForStoredAsync(a, 2);

        var b = Open(storage, "gw-b");
        await b.Service.StartAsync(CancellationToken.None);
        await b.Service.Restored;
        await b.AcceptAsync("+79990000003", "+79990000001");
        await b.Service.StopAsync(CancellationToken.None);   // B's last write, beside A's row, not over it

        var rows = await storage.Traffic.SinceAsync(_time.GetUtcNow().AddHours(-1), CancellationToken.None);
        Assert.That(rows.Select(r => (r.Instance, r.Messages)), Is.EquivalentTo(new[] { ("gw-a", 2L), ("gw-b", 2L) }));
        var shownByB = b.Statistics.Read(24);
        Assert.That(shownByB.MessagesByChannel["sms"].Sum(), Is.EqualTo(4), "B shows A's stored messages beside its own");
        Assert.That(shownByB.Conversations, Is.EqualTo(3), "a sender who wrote to both instances is one conversation");
        await a.Service.StopAsync(CancellationToken.None);
        a.Service.Dispose();
        b.Service.Dispose();
    }

    private async Task WaitForStoredAsync(Gateway gateway, long messages)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await gateway.Storage.Traffic.SinceAsync(_time.GetUtcNow().AddHours(-1), CancellationToken.None)).Sum(h => h.Messages) < messages)
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("the periodic write did not come");
            await Task.Delay(20);
        }
    }

    private Gateway Open() => Open(OpenStorage(), "gw-" + Guid.NewGuid().ToString("N")[..8]);

    private LiteStorage OpenStorage() => new(_folder.File("gateway.db"), new LiteDbStorageOptions(), NullLoggerFactory.Instance);

    private Gateway Open(LiteStorage storage, string instance)
    {
        var options = MsOptions.Create(new PipelineOptions());
        var statistics = new TrafficStatistics(_time);
        var pipeline = new InboundPipeline(storage.Inbound, new PipelineMetrics(_meters), statistics, options, _time, NullLogger<InboundPipeline>.Instance);
        var service = new TrafficRollupService(statistics, storage.Traffic, storage.Inbound, pipeline, new SingleInstanceClusterEvents(), options,
            MsOptions.Create(new GatewayInstanceOptions { InstanceId = instance }), _time, NullLogger<TrafficRollupService>.Instance);
        return new Gateway(storage, statistics, pipeline, service, _time);
    }

    private sealed record Gateway(LiteStorage Storage, TrafficStatistics Statistics, InboundPipeline Pipeline, TrafficRollupService Service, TimeProvider Time)
        : IDisposable
    {
        public async Task AcceptAsync(params string[] senders)
        {
            foreach (var sender in senders)
            {
                var at = Time.GetUtcNow();
                var id = Guid.CreateVersion7(at).ToString("N");
                await Pipeline.AcceptAsync(new InboundMessage(id, "sms", id, sender, null, "BAL", null, sender, at), CancellationToken.None);
            }
        }

        public void Dispose()
        {
            Service.Dispose();
            Storage.Dispose();
        }
    }
}
