using Microsoft.Extensions.Logging.Abstractions;
using SelfService.Storage.Channels;
using SelfService.Storage.Messages;

namespace SelfService.Storage.PostgreSql.Tests;

/// <summary>
/// The database goes away under a running store (its connections are cut and new ones refused, as in a restart or a
/// failover): accepting fails, so the channel does not acknowledge and the sender delivers again; health says why; once
/// the database is back, so is the store, with nothing lost.
/// </summary>
public class StoreFailureTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    private string _database = "";

    [SetUp]
    public async Task CreateDatabaseAsync() => _database = await Cluster.Server.CreateDatabaseAsync(Cluster.MigratedTemplate);

    [TearDown]
    public async Task DropDatabaseAsync()
    {
        await Cluster.Server.ExecuteAsync($"ALTER DATABASE {_database} ALLOW_CONNECTIONS true");
        await Cluster.Server.DropDatabaseAsync(_database);
    }

    [Test]
    public async Task DatabaseGoesAway_AcceptFailsAndHealthSaysWhy_ThenRecoversWithNothingLost()
    {
        await using var storage = PostgreSqlStorage.Open(Cluster.Options(_database), NullLoggerFactory.Instance);
        await AcceptAsync(storage, 0);

        await Cluster.Server.ExecuteAsync($"ALTER DATABASE {_database} ALLOW_CONNECTIONS false");
        await Cluster.Server.ExecuteAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{_database}'");
        Assert.That(async () => await AcceptAsync(storage, 1), Throws.InstanceOf<Npgsql.NpgsqlException>());
        Assert.That(async () => await AcceptAsync(storage, 1), Throws.InstanceOf<Npgsql.NpgsqlException>(), "new connections are refused too");
        Assert.That(storage.Health.Healthy, Is.False);
        Assert.That(storage.Health.LastError, Is.Not.Empty);

        await Cluster.Server.ExecuteAsync($"ALTER DATABASE {_database} ALLOW_CONNECTIONS true");
        await AcceptAsync(storage, 1);   // the sender's redelivery
        await AcceptAsync(storage, 2);

        Assert.That(storage.Health.Healthy, Is.True);
        Assert.That((await storage.Inbound.UnprocessedAsync(10, CancellationToken.None)).Select(r => r.ChannelMessageId), Is.EqualTo(new[] { "m0", "m1", "m2" }));
        Assert.That((await storage.Inbound.AcceptAsync(Inbound(1), null, CancellationToken.None)).Duplicate, Is.True);
    }

    [Test]
    public async Task DatabaseGoesAwayWhileIdle_AReadMakesHealthSaySo_AndAReadThatWorksClearsIt()
    {
        await using var storage = PostgreSqlStorage.Open(Cluster.Options(_database), NullLoggerFactory.Instance);
        await AcceptAsync(storage, 0);

        await Cluster.Server.ExecuteAsync($"ALTER DATABASE {_database} ALLOW_CONNECTIONS false");
        await Cluster.Server.ExecuteAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{_database}'");
        Assert.That(async () => await storage.Outbox.DueAsync(T0, 10, CancellationToken.None), Throws.InstanceOf<Npgsql.NpgsqlException>());
        var whileGone = storage.Health;
        await Cluster.Server.ExecuteAsync($"ALTER DATABASE {_database} ALLOW_CONNECTIONS true");
        await storage.Outbox.DueAsync(T0, 10, CancellationToken.None);

        Assert.That(whileGone.Healthy, Is.False, "an idle gateway's health shows the database gone");
        Assert.That(storage.Health.Healthy, Is.True);
    }

    /// <summary>PostgreSQL refuses NUL in any text and a lone surrogate cannot be encoded: every store keeps such text readably.</summary>
    [Test]
    public async Task TextPostgreSqlRefuses_InEveryKindOfRecord_IsStoredWithReplacementCharacters()
    {
        await using var storage = PostgreSqlStorage.Open(Cluster.Options(_database), NullLoggerFactory.Instance);
        const string Bad = "a\0b\uD800c";
        const string Stored = "a\uFFFDb\uFFFDc";

        var parts = await storage.ConcatenatedParts.AddAsync(new ConcatenatedPart
        {
            SetKey = "k", Source = "+7916", Destination = "1212", Sequence = 1, Total = 1, Text = Bad, ReceivedAt = T0,
        }, CancellationToken.None);
        await storage.EmailThreads.SaveAsync(new EmailThread { Id = "in-1", Subject = Bad, References = [Bad], ReceivedAt = T0 }, CancellationToken.None);
        await storage.WebChat.AppendAsync(new WebChatActivity { ActivityId = "w1", ConversationId = "c1", From = "user", Text = Bad, Choices = [Bad], At = T0 },
            CancellationToken.None);
        var outbox = new OutboxRecord { Id = "o1", Channel = "sms", Address = Bad, Text = Bad, State = OutboxState.Pending, NextAttemptAt = T0 };
        await storage.Outbox.EnqueueAsync([outbox], CancellationToken.None);

        Assert.That(parts!.Single().Text, Is.EqualTo(Stored));
        var thread = (await storage.EmailThreads.FindAsync("in-1", CancellationToken.None))!;
        Assert.That((thread.Subject, thread.References.Single()), Is.EqualTo((Stored, Stored)));
        var line = (await storage.WebChat.AfterAsync("c1", 0, 10, CancellationToken.None)).Single();
        Assert.That((line.Text, line.Choices.Single()), Is.EqualTo((Stored, Stored)));
        var reply = (await storage.Outbox.GetAsync("o1", CancellationToken.None))!;
        Assert.That((reply.Text, reply.Address), Is.EqualTo((Stored, Stored)));
        Assert.That((await storage.Outbox.FindAsync("sms", Bad, null, 10, CancellationToken.None)).Select(r => r.Id), Is.EqualTo(new[] { "o1" }),
            "a lookup by the same text finds it");
        Assert.That(storage.Health.Healthy, Is.True);
    }

    private static Task AcceptAsync(PostgreSqlStorage storage, int n) => storage.Inbound.AcceptAsync(Inbound(n), null, CancellationToken.None);

    private static InboundRecord Inbound(int n)
    {
        var at = T0.AddSeconds(n);
        return new InboundRecord
        {
            Id = Guid.CreateVersion7(at).ToString("N"), DedupKey = "sms|m" + n, Channel = "sms", ChannelMessageId = "m" + n,
            SenderAddress = "+7999000000" + n, Text = "BAL", ReceivedAt = at, State = InboundState.Accepted,
        };
    }
}
