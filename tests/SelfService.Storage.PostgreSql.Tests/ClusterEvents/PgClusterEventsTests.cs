using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SelfService.Storage.Cluster;
using SelfService.Storage.PostgreSql.Cluster;

namespace SelfService.Storage.PostgreSql.Tests.ClusterEvents;

/// <summary>
/// Two instances' cluster events on one database, as two gateways have them: each hears the other's events and not its
/// own, and one whose listening connection is cut listens again, is told it may have missed events, and hears the next.
/// </summary>
public class PgClusterEventsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private string _database = "";
    private NpgsqlDataSource _firstSource = null!;
    private NpgsqlDataSource _secondSource = null!;
    private PgClusterEvents _first = null!;
    private PgClusterEvents _second = null!;

    [SetUp]
    public async Task StartTwoAsync()
    {
        _database = await Tests.Cluster.Server.CreateDatabaseAsync(Tests.Cluster.MigratedTemplate);
        _firstSource = NpgsqlDataSource.Create(Tests.Cluster.Server.ConnectionString(_database));
        _secondSource = NpgsqlDataSource.Create(Tests.Cluster.Server.ConnectionString(_database));
        _first = new PgClusterEvents(_firstSource, TimeProvider.System, NullLogger<PgClusterEvents>.Instance);
        _second = new PgClusterEvents(_secondSource, TimeProvider.System, NullLogger<PgClusterEvents>.Instance);
        await _first.StartAsync(CancellationToken.None);
        await _second.StartAsync(CancellationToken.None);
        await Task.WhenAll(_first.Listening, _second.Listening).WaitAsync(Patience);
    }

    [TearDown]
    public async Task StopAsync()
    {
        await _first.StopAsync(CancellationToken.None);
        await _second.StopAsync(CancellationToken.None);
        _first.Dispose();
        _second.Dispose();
        await _firstSource.DisposeAsync();
        await _secondSource.DisposeAsync();
        await Tests.Cluster.Server.DropDatabaseAsync(_database);
    }

    [Test]
    public async Task Publish_OtherInstanceHearsIt_TheSenderDoesNot()
    {
        var heardByFirst = Collect(_first, ClusterTopics.Desk);
        var heardBySecond = Collect(_second, ClusterTopics.Desk);

        _first.Publish(ClusterTopics.Desk, "ticket-1|Queued");
        Assert.That(await NextAsync(heardBySecond), Is.EqualTo("ticket-1|Queued"));
        // Committed notifications arrive in commit order: had the first heard its own, it would come before this one.
        _second.Publish(ClusterTopics.Desk, "ticket-1|Taken");
        Assert.That(await NextAsync(heardByFirst), Is.EqualTo("ticket-1|Taken"), "the first hears the second, and not itself");
    }

    [Test]
    public async Task Publish_OnAnotherTopic_ReachesOnlyItsSubscribers()
    {
        var desk = Collect(_second, ClusterTopics.Desk);
        var outbox = Collect(_second, ClusterTopics.Outbox);

        _first.Publish(ClusterTopics.Outbox, "reply:0");
        _first.Publish(ClusterTopics.Desk, "ticket-2|Queued");

        Assert.That(await NextAsync(outbox), Is.EqualTo("reply:0"));
        Assert.That(await NextAsync(desk), Is.EqualTo("ticket-2|Queued"), "the desk's first event is its own, not the outbox's");
    }

    [Test]
    public async Task ListeningConnectionCut_ListensAgain_SaysEventsMayBeMissed_AndHearsTheNext()
    {
        var heard = Collect(_second, ClusterTopics.Desk);

        await using (var admin = await _firstSource.OpenConnectionAsync())
        await using (var cut = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", admin))
            Assert.That(await cut.ExecuteScalarAsync(), Is.GreaterThanOrEqualTo(2), "both listening connections were cut");

        Assert.That(await NextAsync(heard), Is.Null, "the subscriber is told to catch up from the store");
        // The sender's pooled connections were cut too: it opens new ones.
        _firstSource.Clear();
        _first.Publish(ClusterTopics.Desk, "ticket-3|Queued");
        Assert.That(await NextAsync(heard), Is.EqualTo("ticket-3|Queued"));
    }

    [Test]
    public void Publish_MoreThanIds_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => _first.Publish(ClusterTopics.Desk, new string('x', IClusterEvents.MaxPayloadBytes + 1)));
        Assert.Throws<ArgumentException>(() => new SingleInstanceClusterEvents().Publish(ClusterTopics.Desk, new string('ж', IClusterEvents.MaxPayloadBytes / 2 + 1)),
            "the embedded engine refuses what PostgreSQL would, so a payload too long fails on LiteDB too");
    }

    private static ChannelReader<string?> Collect(IClusterEvents events, string topic)
    {
        var heard = Channel.CreateUnbounded<string?>();
        events.Subscribe(topic, (payload, _) =>
        {
            heard.Writer.TryWrite(payload);
            return Task.CompletedTask;
        });
        return heard.Reader;
    }

    private static async Task<string?> NextAsync(ChannelReader<string?> heard) => await heard.ReadAsync().AsTask().WaitAsync(Patience);
}
