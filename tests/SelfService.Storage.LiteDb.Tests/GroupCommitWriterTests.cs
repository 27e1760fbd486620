using System.Globalization;
using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using SelfService.Storage.History;
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
    /// from many tasks with over 100,000 documents, reading all the while, then walks every index and finds every document
    /// by each of its keys.
    /// </summary>
    [Test]
    public async Task Hammered_FromManyTasks_EveryIndexStillFindsEveryDocument()
    {
        const int Tasks = 50, PerTask = 160, RepliesPerMessage = 10;   // per message: inbound, conversation, 2 history lines, 10 replies
        using var folder = new TemporaryFolder();
        var file = folder.File("hammer.db");
        using (var storage = new LiteStorage(file, new LiteDbStorageOptions(), NullLoggerFactory.Instance))
        {
            using var reading = new CancellationTokenSource();
            var reader = Task.Run(async () =>
            {
                while (!reading.IsCancellationRequested)
                {
                    await storage.Outbox.DueAsync(T0.AddMinutes(2), 20, CancellationToken.None);
                    await storage.Inbound.GetAsync(Id(7, 7), CancellationToken.None);
                    await storage.History.ForIdentityAsync("sms", "+77", 10, CancellationToken.None);
                }
            });
            await Task.WhenAll(Enumerable.Range(0, Tasks).Select(t => Task.Run(async () =>
            {
                for (var i = 0; i < PerTask; i++)
                {
                    var id = Id(t, i);
                    var sender = "+7" + t;
                    await storage.Inbound.AcceptAsync(Inbound(t * 1000 + i), null, CancellationToken.None);
                    var conversation = await storage.Conversations.GetAsync("sms", sender, CancellationToken.None);
                    conversation.UnansweredInRow = i;
                    await storage.Inbound.CompleteAsync(new ProcessingCommit(id, "Executed", T0, conversation, [],
                        [new HistoryEntry { Id = id + ":in", Channel = "sms", Address = sender, Text = "BAL", At = T0 },
                         new HistoryEntry { Id = id + ":out", Channel = "sms", Address = sender, Text = "350", At = T0 }],
                        [.. Enumerable.Range(0, RepliesPerMessage).Select(r => new OutboxRecord
                        {
                            Id = id + ":" + r.ToString(CultureInfo.InvariantCulture), Channel = "sms", Address = sender, State = OutboxState.Pending,
                            NextAttemptAt = T0.AddMinutes(1),
                        })]),
                        CancellationToken.None);
                }
            })));
            await reading.CancelAsync();
            await reader;
        }

        const int Messages = Tasks * PerTask;
        using var database = new LiteDatabase(file);
        var inbound = database.GetCollection("inbound");
        var outbox = database.GetCollection("outbox");
        var history = database.GetCollection("history");
        Assert.That(Messages * (1 + 2 + RepliesPerMessage) + Tasks, Is.GreaterThan(100_000), "documents written");
        Assert.That((inbound.Count(), outbox.Count(), history.Count()), Is.EqualTo((Messages, Messages * RepliesPerMessage, Messages * 2)));
        Assert.That(inbound.Find(Query.All("DedupKey")).Count(), Is.EqualTo(Messages), "the dedup index holds every message");
        Assert.That(inbound.Count(Query.EQ("State", "Processed")), Is.EqualTo(Messages), "the state index holds every message");
        Assert.That(outbox.Find(Query.All("State")).Count(), Is.EqualTo(Messages * RepliesPerMessage));
        Assert.That(outbox.Find(Query.All("Due")).Count(), Is.EqualTo(Messages * RepliesPerMessage), "every pending reply is due some time");
        Assert.That(history.Find(Query.All("IdentityKey")).Count(), Is.EqualTo(Messages * 2));
        foreach (var document in inbound.FindAll())
            Assert.That(inbound.FindOne(Query.EQ("DedupKey", document["DedupKey"])), Is.Not.Null, document["_id"].AsString);
        Assert.That(database.GetCollection("conversations").FindById("sms|+77")["UnansweredInRow"].AsInt32, Is.EqualTo(PerTask - 1), "the last state won");
    }

    private static string Id(int task, int i) => (task * 1000 + i).ToString("D8", CultureInfo.InvariantCulture);

    private static InboundRecord Inbound(int n) => new()
    {
        Id = n.ToString("D8", CultureInfo.InvariantCulture), DedupKey = "sms|" + n, Channel = "sms", ChannelMessageId = n.ToString(CultureInfo.InvariantCulture),
        SenderAddress = "+7" + (n / 1000), Text = "BAL", ReceivedAt = T0, State = InboundState.Accepted,
    };
}
