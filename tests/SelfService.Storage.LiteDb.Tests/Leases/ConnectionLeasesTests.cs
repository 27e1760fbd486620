using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SelfService.Storage.Leases;

namespace SelfService.Storage.LiteDb.Tests.Leases;

/// <summary>
/// The keeper of connection leases, two "instances" on one real store: a connection runs only while its lease is held, an
/// owner cut off from the store drops its connection when the lease may have run out, and the other takes over only
/// after that: never two connections at once.
/// </summary>
public class ConnectionLeasesTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(1);

    [Test]
    public async Task An_owner_that_cannot_renew_drops_the_connection_before_another_instance_opens_it()
    {
        using var storage = new LiteStorage(null, new LiteDbStorageOptions(), NullLoggerFactory.Instance);
        var cutOff = new CutOffLeaseStore(storage.Leases);
        var a = Keeper(cutOff, "a");
        var b = Keeper(storage.Leases, "b");
        var events = new ConcurrentQueue<string>();
        var aOpen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bOpen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();

        var holdingA = a.HoldAsync("sms:bind:0", (lease, lost) => RunAsync("a", lease, events, aOpen, lost), stop.Token);
        await aOpen.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var holdingB = b.HoldAsync("sms:bind:0", (lease, lost) => RunAsync("b", lease, events, bOpen, lost), stop.Token);
        Assert.That(a.Held.Select(l => l.Name), Is.EqualTo(new[] { "sms:bind:0" }), "a holds it; b waits");

        cutOff.CutOff = true;   // a's renewals fail from now on, as with its database unreachable
        await bOpen.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await Task.WhenAll(holdingA, holdingB);

        var order = events.ToList();
        TestContext.Out.WriteLine(string.Join(", ", order));
        Assert.That(order.Take(3), Is.EqualTo(new[] { "a open token 1", "a closed", "b open token 2" }),
            "a let go before b opened, and b's token is larger");
    }

    [Test]
    public async Task Two_binds_of_one_group_spread_over_two_instances()
    {
        using var storage = new LiteStorage(null, new LiteDbStorageOptions(), NullLoggerFactory.Instance);
        // A long lease: an instance holding one bind leaves a free one to the others for a third of it (10 s here).
        var a = Keeper(storage.Leases, "a", TimeSpan.FromSeconds(30));
        var b = Keeper(storage.Leases, "b", TimeSpan.FromSeconds(30));
        using var stop = new CancellationTokenSource();
        Task Bind(ConnectionLeases keeper, string name) =>
            keeper.HoldAsync(name, (_, lost) => Task.Delay(Timeout.Infinite, lost), stop.Token, group: "sms");

        var holding = new List<Task> { Bind(a, "sms:bind:0"), Bind(a, "sms:bind:1") };
        await WaitUntilAsync(() => a.Held.Count == 1);
        holding.Add(Bind(b, "sms:bind:0"));
        holding.Add(Bind(b, "sms:bind:1"));
        await WaitUntilAsync(() => b.Held.Count == 1);

        Assert.That(a.Held.Select(l => l.Name).Concat(b.Held.Select(l => l.Name)).Order(), Is.EqualTo(new[] { "sms:bind:0", "sms:bind:1" }),
            "one bind each, not both on the instance that came first");
        await stop.CancelAsync();
        await Task.WhenAll(holding);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The condition did not become true.");
            await Task.Delay(20);
        }
    }

    private static async Task RunAsync(string who, HeldLease lease, ConcurrentQueue<string> events, TaskCompletionSource open, CancellationToken lost)
    {
        events.Enqueue($"{who} open token {lease.Token}");
        open.TrySetResult();
        try
        {
            await Task.Delay(Timeout.Infinite, lost);
        }
        finally
        {
            events.Enqueue(who + " closed");
        }
    }

    private static ConnectionLeases Keeper(ILeaseStore store, string instance, TimeSpan? lease = null) =>
        new(store, Options.Create(new GatewayInstanceOptions { InstanceId = instance, LeaseDuration = lease ?? Lease }), TimeProvider.System,
            NullLogger<ConnectionLeases>.Instance);

    /// <summary>The real store, with renewals that fail while <see cref="CutOff"/> is set: the owner's side of a network partition.</summary>
    private sealed class CutOffLeaseStore(ILeaseStore inner) : ILeaseStore
    {
        public volatile bool CutOff;

        public Task<LeaseClaim> TryAcquireAsync(string name, string owner, TimeSpan duration, DateTimeOffset now, CancellationToken cancellationToken) =>
            CutOff ? throw new IOException("cut off") : inner.TryAcquireAsync(name, owner, duration, now, cancellationToken);

        public Task<Lease?> RenewAsync(LeaseFence fence, TimeSpan duration, DateTimeOffset now, CancellationToken cancellationToken) =>
            CutOff ? throw new IOException("cut off") : inner.RenewAsync(fence, duration, now, cancellationToken);

        public Task ReleaseAsync(LeaseFence fence, DateTimeOffset now, CancellationToken cancellationToken) =>
            CutOff ? throw new IOException("cut off") : inner.ReleaseAsync(fence, now, cancellationToken);

        public Task<bool> IsCurrentAsync(LeaseFence fence, CancellationToken cancellationToken) => inner.IsCurrentAsync(fence, cancellationToken);

        public Task<IReadOnlyList<Lease>> ListAsync(CancellationToken cancellationToken) =>
            CutOff ? throw new IOException("cut off") : inner.ListAsync(cancellationToken);
    }
}
