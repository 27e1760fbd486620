using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SelfService.Gateway.Tests.Infrastructure;
using SelfService.Testing;
using SelfService.Testing.Peers;
using SelfService.Testing.PostgreSql;

namespace SelfService.Gateway.Tests;

/// <summary>
/// Three gateway processes on one PostgreSQL (a private cluster) and one SMSC peer, with one SMPP bind between them, held
/// under a lease with a fencing token. Customers write at concurrency 50, each sending BAL and, once answered, HELP. Mid-load
/// the bind's owner is paused (SIGSTOP) past its lease: another instance takes the bind, and the paused one, resumed,
/// finds its token stale and sends nothing more on its old bind. Then the new owner is killed (SIGKILL): another takes the
/// bind within a lease period. At the end: no MO the SMSC had acknowledged is left unanswered, a reply is repeated only if
/// its submit was on the wire at the pause or the kill (counted and printed), and each customer's replies come in order.
/// </summary>
[NonParallelizable] // kills, floods or paces: measured alone (see ParallelFixtures.cs)
public class MultiInstanceSmsTests
{
    private const string Bind = "sms:bind:0";
    private const int WindowSize = 10;
    private const int Concurrency = 50;
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(3);

    private PostgreSqlCluster _cluster = null!;

    [OneTimeSetUp]
    public async Task StartClusterAsync() => _cluster = await PostgreSqlCluster.StartAsync();

    [OneTimeTearDown]
    public async Task StopClusterAsync()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
    }

    /// <summary>The issue's figure: 3,000 MOs (1,500 customers, two each) at concurrency 50; about 25 s on two cores.</summary>
    [Test]
    public Task ThreeInstances_3000Mos_OwnerPausedThenKilled_NothingLost_RepeatsOnlyFromTheWire_RepliesInOrder() => RunAsync(customers: 1500);

    private async Task RunAsync(int customers)
    {
        var database = await _cluster.CreateDatabaseAsync();
        await using var smsc = await NodeSmsc.StartAsync(new NodeSmscOptions { SystemId = "selfservice", Password = "secret" });
        var replies = new ReplyBook();
        using var reading = new CancellationTokenSource();
        var reader = replies.ReadAsync(smsc, reading.Token);

        var gateways = await Task.WhenAll(Enumerable.Range(1, 3).Select(i => GatewayProcess.StartAsync(Settings(smsc, database, "gw" + i))));
        try
        {
            var firstOwner = await OwnerAsync(gateways);
            var firstSession = (int)(await smsc.WaitForAsync("bind", timeout: TimeSpan.FromSeconds(30))).NumberOf("session")!;
            var numbers = Enumerable.Range(0, customers).Select(i => "7999200" + i.ToString("D4", CultureInfo.InvariantCulture)).ToList();
            var load = RunCustomersAsync(smsc, replies, numbers);

            // 1. The owner frozen past its lease: another instance takes the bind; resumed, the old owner sends nothing more on it.
            await replies.WaitForAsync(() => replies.Total >= customers / 3);
            firstOwner.Pause();
            var pausedAt = Now();
            var second = await smsc.WaitForAsync("bind", e => e.GetProperty("at").GetInt64() > pausedAt, TimeSpan.FromSeconds(60));
            TestContext.Out.WriteLine($"paused the owner: another instance bound {second.GetProperty("at").GetInt64() - pausedAt} ms later (lease {Lease.TotalMilliseconds} ms)");
            firstOwner.Resume();
            var resumedAt = Now();
            await smsc.WaitForAsync("closed", e => e.NumberOf("session") == firstSession, TimeSpan.FromSeconds(30));

            // 2. The new owner killed mid-load: a third takes the bind.
            var secondOwner = await OwnerAsync(gateways.Where(g => g != firstOwner).ToArray());
            await replies.WaitForAsync(() => replies.Total >= 2 * customers / 3);
            secondOwner.Kill();
            var killedAt = Now();
            var third = await smsc.WaitForAsync("bind", e => e.GetProperty("at").GetInt64() > killedAt, TimeSpan.FromSeconds(60));
            var takeover = TimeSpan.FromMilliseconds(third.GetProperty("at").GetInt64() - killedAt);
            TestContext.Out.WriteLine($"killed the new owner: another instance bound {takeover.TotalMilliseconds:F0} ms later (lease {Lease.TotalMilliseconds} ms)");

            await load;
            await replies.WaitForAsync(() => numbers.All(n => replies.Of(n).Count >= 2), TimeSpan.FromSeconds(120));
            using (var admin = await gateways.First(g => g != secondOwner).CreateAdminClientAsync()) await OutboxSettled.WaitAsync(admin, "sms");

            var stale = replies.All.Where(r => r.Session == firstSession && r.At > resumedAt).ToList();
            var lost = numbers.Where(n => replies.Of(n).Count < 2).ToList();
            var repeated = numbers.Sum(n => replies.Of(n).Count - 2);
            var outOfOrder = numbers.Where(n => !InOrder(replies.Of(n))).ToList();
            var elapsed = TimeSpan.FromMilliseconds(Now() - replies.FirstAt);
            TestContext.Out.WriteLine($"{2 * customers} MOs from {customers} customers at concurrency {Concurrency} through three instances in {elapsed.TotalSeconds:F1} s: " +
                $"{lost.Count} lost, {repeated} replies repeated (submits on the wire at the pause or the kill), {outOfOrder.Count} out of order, " +
                $"{stale.Count} sent by the paused owner after it resumed");
            Assert.Multiple(() =>
            {
                Assert.That(lost, Is.Empty, "every MO is answered");
                Assert.That(repeated, Is.LessThanOrEqualTo(2 * 2 * WindowSize), "only submits in flight at the pause and at the kill are repeated");
                Assert.That(outOfOrder, Is.Empty, "each customer's replies in order");
                Assert.That(stale, Is.Empty, "the paused owner, resumed with a stale token, sends nothing on its old bind");
                Assert.That(takeover, Is.LessThan(Lease + TimeSpan.FromSeconds(2)), "the bind is taken over within a lease period (and the bind itself)");
                Assert.That(firstOwner.Output, Does.Contain("was taken over or expired").Or.Contain("ran out before it could be renewed"),
                    "the resumed owner says it lost the lease");
            });
        }
        catch
        {
            foreach (var (gateway, i) in gateways.Select((g, i) => (g, i)))
                TestContext.Out.WriteLine($"---- gw{i + 1}, the last of its log:\n" + string.Join('\n', gateway.Output.Split('\n').TakeLast(60)));
            throw;
        }
        finally
        {
            foreach (var gateway in gateways) gateway.Dispose();
            await reading.CancelAsync();
            await reader;
        }
    }

    /// <summary>Each worker takes the next customer: BAL, waits for its answer, then HELP, and waits for that.</summary>
    private static async Task RunCustomersAsync(NodeSmsc smsc, ReplyBook replies, IReadOnlyList<string> numbers)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < numbers.Count; i = Interlocked.Increment(ref next))
            {
                var number = numbers[i];
                await smsc.DeliverAsync(number, SmsGatewaySettings.ShortCode, "BAL");
                await replies.WaitForAsync(() => replies.Of(number).Count >= 1, TimeSpan.FromSeconds(120));
                await smsc.DeliverAsync(number, SmsGatewaySettings.ShortCode, "HELP");
                await replies.WaitForAsync(() => replies.Of(number).Count >= 2, TimeSpan.FromSeconds(120));
            }
        }));
    }

    /// <summary>The answer to BAL (first to come) is never seen again after the answer to HELP.</summary>
    private static bool InOrder(IReadOnlyList<Reply> replies)
    {
        var balance = replies[0].Text;
        var help = replies.FirstOrDefault(r => r.Text != balance)?.Text;
        if (help is null) return false;
        return replies.SkipWhile(r => r.Text == balance).All(r => r.Text == help);
    }

    private static async Task<GatewayProcess> OwnerAsync(IReadOnlyList<GatewayProcess> gateways)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            foreach (var gateway in gateways)
                if (await gateway.HoldsAsync(Bind)) return gateway;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("No instance holds the bind's lease.");
            await Task.Delay(100);
        }
    }

    private Dictionary<string, string> Settings(NodeSmsc smsc, string database, string instance)
    {
        var settings = SmsGatewaySettings.For(smsc).ToDictionary(p => p.Key, p => p.Value!);
        settings["Samples:Root"] = RepositoryPaths.Samples;
        settings["Commands:CatalogueFile"] = RepositoryPaths.Catalogue;
        settings["Commands:MenuFile"] = RepositoryPaths.Menus;
        settings["Storage:Kind"] = "PostgreSql";
        settings["Storage:PostgreSql:ConnectionString"] = _cluster.ConnectionString(database);
        settings["Gateway:InstanceId"] = instance;
        settings["Gateway:LeaseDuration"] = Lease.ToString("c", CultureInfo.InvariantCulture);
        // A paused gateway's open transaction is ended this soon, so its locks do not hold up the takeover.
        settings["Storage:PostgreSql:IdleInTransactionTimeout"] = "00:00:01";
        settings["Channels:Sms:Smpp:WindowSize"] = WindowSize.ToString(CultureInfo.InvariantCulture);
        settings["AccessPolicies:MessagesPerMinute"] = "100000";
        return settings;
    }

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    private sealed record Reply(string Text, int Session, long At);

    /// <summary>Every reply the SMSC accepted, by customer, as its events come (the first part of each, for long ones).</summary>
    private sealed class ReplyBook
    {
        private readonly ConcurrentDictionary<string, List<Reply>> _byNumber = new(StringComparer.Ordinal);
        private readonly ConcurrentQueue<Reply> _all = new();
        private int _total;

        public int Total => Volatile.Read(ref _total);

        public long FirstAt { get; private set; } = Now();

        public IReadOnlyList<Reply> All => [.. _all];

        public IReadOnlyList<Reply> Of(string number)
        {
            if (!_byNumber.TryGetValue(number, out var list)) return [];
            lock (list) return [.. list];
        }

        public async Task ReadAsync(NodeSmsc smsc, CancellationToken cancellationToken)
        {
            try
            {
                await foreach (var e in smsc.ReadEventsAsync(cancellationToken))
                {
                    if (e.GetProperty("event").GetString() != "submit_sm" || e.NumberOf("command_status") != 0) continue;
                    if (e.TryGetProperty("udh", out var udh) && udh.ValueKind == JsonValueKind.Object && udh.TryGetProperty("seq", out var seq) && seq.GetInt32() != 1) continue;
                    var reply = new Reply(e.GetProperty("text").GetString() ?? "", (int)e.NumberOf("session")!, e.GetProperty("at").GetInt64());
                    var list = _byNumber.GetOrAdd(e.GetProperty("destination_addr").GetString()!, _ => []);
                    lock (list) list.Add(reply);
                    _all.Enqueue(reply);
                    Interlocked.Increment(ref _total);
                }
            }
            catch (OperationCanceledException)
            {
            }
        }

        public async Task WaitForAsync(Func<bool> condition, TimeSpan? timeout = null)
        {
            var watch = Stopwatch.StartNew();
            while (!condition())
            {
                if (watch.Elapsed > (timeout ?? TimeSpan.FromSeconds(120))) throw new TimeoutException("The replies did not come.");
                await Task.Delay(25);
            }
        }
    }
}
