using SelfService.Channels.Connections;
using SelfService.Channels.Telegram.Inbound;
using SelfService.Channels.Telegram.Tests.Support;
using SelfService.Messaging;
using SelfService.Testing.Peers.Telegram;

namespace SelfService.Channels.Telegram.Tests.Inbound;

/// <summary>
/// Two gateway instances configured for one bot, on one store: the poll's lease lets exactly one call getUpdates at a time
/// (the Bot API peer refuses, and counts, a second open poll as Telegram does), and the other takes over when it stops.
/// </summary>
public class TelegramPollLeaseTests
{
    private static readonly TelegramUser Anna = new(650002, "Anna", "en");
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(3);
    private TelegramChannelHarness _channel = null!;
    private readonly ConnectionStatus _connectionA = new(ChannelNames.Telegram, "Bot API long polling (a)");
    private readonly ConnectionStatus _connectionB = new(ChannelNames.Telegram, "Bot API long polling (b)");
    private TelegramPolling _a = null!;
    private TelegramPolling _b = null!;

    [SetUp]
    public async Task Start()
    {
        _channel = await TelegramChannelHarness.StartAsync();
        _a = _channel.NewPoller("gateway-a", _connectionA, Lease);
        _b = _channel.NewPoller("gateway-b", _connectionB, Lease);
    }

    [TearDown]
    public async Task Stop()
    {
        await _a.StopAsync(CancellationToken.None);
        await _b.StopAsync(CancellationToken.None);
        _a.Dispose();
        _b.Dispose();
        await _channel.DisposeAsync();
    }

    [Test]
    public async Task Two_instances_for_one_bot_poll_one_at_a_time_and_the_other_takes_over_when_the_poller_stops()
    {
        await _a.StartAsync(CancellationToken.None);
        await _b.StartAsync(CancellationToken.None);
        await _channel.Peer.SendTextAsync(Anna, "BAL");
        await WaitUntilAsync(() => _channel.Sink.Stored.Count == 1);
        await WaitUntilAsync(() => Up() is not null);
        var (first, firstConnection, otherConnection) = Up() == _connectionA ? (_a, _connectionA, _connectionB) : (_b, _connectionB, _connectionA);
        Assert.That(otherConnection.State, Is.EqualTo(ConnectionState.Standby), "the other instance waits for the lease");

        await first.StopAsync(CancellationToken.None);
        await _channel.Peer.SendTextAsync(Anna, "how much is roaming?");
        await WaitUntilAsync(() => _channel.Sink.Stored.Count == 2);
        await WaitUntilAsync(() => otherConnection.State == ConnectionState.Up);

        var (polls, conflicts) = await _channel.Peer.PollsAsync();
        TestContext.Out.WriteLine($"getUpdates calls: {polls}, refused as a second poller: {conflicts}");
        Assert.Multiple(() =>
        {
            Assert.That(conflicts, Is.Zero, "never two getUpdates open at once for the bot");
            Assert.That(firstConnection.State, Is.EqualTo(ConnectionState.Standby), "the stopped instance polls no more");
            Assert.That(_channel.Sink.Stored.Select(m => m.Text), Is.EqualTo(new[] { "BAL", "how much is roaming?" }));
            Assert.That(_channel.Sink.Stored.Select(m => m.Fence?.Token).Distinct().Count(), Is.EqualTo(2),
                "each message carries the token of the instance that polled it");
        });
    }

    private ConnectionStatus? Up() =>
        _connectionA.State == ConnectionState.Up ? _connectionA : _connectionB.State == ConnectionState.Up ? _connectionB : null;

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The condition did not become true.");
            await Task.Delay(20);
        }
    }
}
