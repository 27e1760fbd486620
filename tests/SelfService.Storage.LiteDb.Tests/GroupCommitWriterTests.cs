using System.Globalization;
using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using SelfService.Storage.Messages;
using SelfService.Testing;

namespace SelfService.Storage.LiteDb.Tests;

public class GroupCommitWriterTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task ManyWritersAtOnce_ShareCommits()
    {
        using var folder = new TemporaryFolder();
        using var storage = new LiteStorage(folder.File("g.db"), new LiteDbStorageOptions(), NullLoggerFactory.Instance);

        await Task.WhenAll(Enumerable.Range(0, 2000).Select(i => Task.Run(() => storage.Inbound.AcceptAsync(Inbound(i), null, CancellationToken.None))));

        var (commits, writes) = storage.CommitStatistics;
        Assert.That(writes, Is.EqualTo(2000));
        Assert.That(commits, Is.LessThan(writes), "callers that queue while a commit runs join the next one");
    }

    [Test]
    public async Task AWriteThatFails_FailsAloneAndTheOthersInItsBatchCommit()
    {
        using var storage = new LiteStorage(null, new LiteDbStorageOptions(), NullLoggerFactory.Instance);
        var writer = storage.Writer;
        var gate = new ManualResetEventSlim();
        // Hold the writer so the next writes queue up and go in one batch.
        var holding = writer.WriteAsync(_ => gate.Wait());
        var good = Enumerable.Range(0, 10).Select(i => storage.Inbound.AcceptAsync(Inbound(i), null, CancellationToken.None)).ToList();
        var bad = writer.WriteAsync(db => db.GetCollection("inbound").Insert(new BsonDocument { ["_id"] = "0000" }).ToString());
        var bad2 = writer.WriteAsync(db => db.GetCollection("inbound").Insert(new BsonDocument { ["_id"] = "0000" }).ToString());
        gate.Set();
        await holding;

        Assert.That(async () => await Task.WhenAll(good), Throws.Nothing);
        await bad;
        Assert.That(async () => await bad2, Throws.InstanceOf<LiteException>(), "the second insert of the same id fails");
        Assert.That(await storage.Inbound.UnprocessedAsync(100, CancellationToken.None), Has.Count.EqualTo(10), "the others committed");
    }

    /// <summary>
    /// LiteDB 5 corrupted its indexes under concurrent writes. Everything goes through one writer now; this hammers the store
    /// from many tasks, reading all the while, then walks every index and finds every document by each of its keys.
    /// </summary>
    [Test]
    public async Task Hammered_FromManyTasks_EveryIndexStillFindsEveryDocument()
    {
        const int Tasks = 50, PerTask = 1000;   // 100,000 documents: 50,000 inbound, 50,000 outbox
        using var folder = new TemporaryFolder();
        var file = folder.File("hammer.db");
        using (var storage = new LiteStorage(file, new LiteDbStorageOptions(), NullLoggerFactory.Instance))
        {
            using var reading = new CancellationTokenSource();
            var reader = Task.Run(async () =>
            {
                while (!reading.IsCancellationRequested)
                {
                    await storage.Outbox.DueAsync(T0, 20, CancellationToken.None);
                    await storage.Inbound.GetAsync(Id(7, 7), CancellationToken.None);
                }
            });
            await Task.WhenAll(Enumerable.Range(0, Tasks).Select(t => Task.Run(async () =>
            {
                for (var i = 0; i < PerTask; i += 2)
                {
                    var id = Id(t, i);
                    await storage.Inbound.AcceptAsync(Inbound(t * PerTask + i), null, CancellationToken.None);
                    var conversation = await storage.Conversations.GetAsync("sms", "+7" + t, CancellationToken.None);
                    await storage.Inbound.CompleteAsync(new ProcessingCommit(Id(t, i), "Executed", T0, conversation, [], [],
                        [new OutboxRecord { Id = id + ":0", Channel = "sms", Address = "+7" + t, State = OutboxState.Pending, NextAttemptAt = T0.AddMinutes(1) },
                         new OutboxRecord { Id = id + ":1", Channel = "sms", Address = "+7" + t, State = OutboxState.Pending, NextAttemptAt = T0.AddMinutes(1) }]),
                        CancellationToken.None);
                    await storage.Inbound.AcceptAsync(Inbound(t * PerTask + i + 1), null, CancellationToken.None);
                }
            })));
            await reading.CancelAsync();
            await reader;
        }

        using var database = new LiteDatabase(file);
        var inbound = database.GetCollection("inbound");
        var outbox = database.GetCollection("outbox");
        Assert.That(inbound.Count(), Is.EqualTo(Tasks * PerTask));
        Assert.That(outbox.Count(), Is.EqualTo(Tasks * PerTask));
        Assert.That(inbound.Find(Query.All("DedupKey")).Count(), Is.EqualTo(Tasks * PerTask), "the dedup index holds every message");
        Assert.That(inbound.Find(Query.All("State")).Count(), Is.EqualTo(Tasks * PerTask), "the state index holds every message");
        Assert.That(outbox.Find(Query.All("State")).Count(), Is.EqualTo(Tasks * PerTask));
        Assert.That(inbound.Count(Query.EQ("State", "Processed")), Is.EqualTo(Tasks * PerTask / 2));
        foreach (var document in inbound.FindAll())
            Assert.That(inbound.FindOne(Query.EQ("DedupKey", document["DedupKey"])), Is.Not.Null, document["_id"].AsString);
    }

    private static string Id(int task, int i) => (task * 1000 + i).ToString("D8", CultureInfo.InvariantCulture);

    private static InboundRecord Inbound(int n) => new()
    {
        Id = n.ToString("D8", CultureInfo.InvariantCulture), DedupKey = "sms|" + n, Channel = "sms", ChannelMessageId = n.ToString(CultureInfo.InvariantCulture),
        SenderAddress = "+7" + (n / 1000), Text = "BAL", ReceivedAt = T0, State = InboundState.Accepted,
    };
}
