using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SelfService.Storage.Messages;

namespace SelfService.Storage.PostgreSql.Tests;

/// <summary>
/// Two gateways on one database: the unique keys deduplicate across them, and work another one is writing (its rows
/// locked) is passed over, not waited for.
/// </summary>
public class SharedDatabaseTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    private string _database = "";
    private PostgreSqlStorage _first = null!;
    private PostgreSqlStorage _second = null!;

    [SetUp]
    public async Task OpenTwoAsync()
    {
        _database = await Cluster.Server.CreateDatabaseAsync(Cluster.MigratedTemplate);
        _first = PostgreSqlStorage.Open(Cluster.Options(_database), NullLoggerFactory.Instance);
        _second = PostgreSqlStorage.Open(Cluster.Options(_database), NullLoggerFactory.Instance);
    }

    [TearDown]
    public async Task CloseAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        await Cluster.Server.DropDatabaseAsync(_database);
    }

    [Test]
    public async Task Accept_TheSameMessagesThroughTwoGatewaysAtOnce_EachStoredOnce()
    {
        const int Messages = 100;
        var outcomes = await Task.WhenAll(new[] { _first, _second }.SelectMany(storage => Enumerable.Range(0, 4).Select(caller => Task.Run(async () =>
        {
            var mine = new List<(int Message, AcceptOutcome Outcome)>();
            foreach (var message in Enumerable.Range(0, Messages).OrderBy(m => (m * 31 + caller * 17) % Messages))
                mine.Add((message, await storage.Inbound.AcceptAsync(Inbound($"{storage.GetHashCode()}-{caller}-{message}", "m" + message), null, CancellationToken.None)));
            return mine;
        }))));

        var byMessage = outcomes.SelectMany(o => o).GroupBy(o => o.Message).ToList();
        Assert.That(byMessage.Select(g => g.Count(o => !o.Outcome.Duplicate)), Is.All.EqualTo(1), "exactly one caller of either gateway stored it");
        Assert.That(byMessage.Select(g => g.Select(o => o.Outcome.MessageId).Distinct().Count()), Is.All.EqualTo(1));
        Assert.That(await _second.Inbound.UnprocessedAsync(int.MaxValue, CancellationToken.None), Has.Count.EqualTo(Messages));
    }

    [Test]
    public async Task DueAndUnprocessed_RowsAnotherWriterHoldsLocked_ArePassedOverNotWaitedFor()
    {
        await _first.Outbox.EnqueueAsync([Reply("a", T0), Reply("b", T0.AddSeconds(1))], CancellationToken.None);
        await _first.Inbound.AcceptAsync(Inbound("in-a", "1"), null, CancellationToken.None);
        await _first.Inbound.AcceptAsync(Inbound("in-b", "2"), null, CancellationToken.None);

        // Another gateway in the middle of writing "a" and "in-a": their rows are locked until it commits.
        await using var other = new NpgsqlConnection(Cluster.Server.ConnectionString(_database) + ";Pooling=false");
        await other.OpenAsync();
        await using var transaction = await other.BeginTransactionAsync();
        await using (var lockRows = new NpgsqlCommand("SELECT 1 FROM outbox WHERE id = 'a' FOR UPDATE; SELECT 1 FROM inbound WHERE id = 'in-a' FOR UPDATE", other))
            await lockRows.ExecuteNonQueryAsync();

        // Not a timing check: had the reads waited for the lock, they would wait for ever; this ends such a run with an error.
        using var hung = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var due = await _second.Outbox.DueAsync(T0.AddMinutes(1), 10, hung.Token);
        var unprocessed = await _second.Inbound.UnprocessedAsync(10, hung.Token);
        await transaction.RollbackAsync();
        var dueAfter = await _second.Outbox.DueAsync(T0.AddMinutes(1), 10, CancellationToken.None);

        Assert.That(due.Select(r => r.Id), Is.EqualTo(new[] { "b" }));
        Assert.That(unprocessed.Select(r => r.Id), Is.EqualTo(new[] { "in-b" }));
        Assert.That(dueAfter.Select(r => r.Id), Is.EqualTo(new[] { "a", "b" }), "once the other writer is done, the row is work again");
    }

    private static InboundRecord Inbound(string id, string channelMessageId) => new()
    {
        Id = id, DedupKey = "sms|" + channelMessageId, Channel = "sms", ChannelMessageId = channelMessageId, SenderAddress = "+79161234567", Text = "BAL",
        SessionId = "+79161234567", ReceivedAt = T0, State = InboundState.Accepted,
    };

    private static OutboxRecord Reply(string id, DateTimeOffset due) => new()
    {
        Id = id, Channel = "sms", Address = "+79161234567", Text = "reply", State = OutboxState.Pending, CreatedAt = due, NextAttemptAt = due,
    };
}
