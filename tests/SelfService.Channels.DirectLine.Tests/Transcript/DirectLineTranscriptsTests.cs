using Microsoft.Extensions.Logging.Abstractions;
using SelfService.Channels.DirectLine.Transcript;
using SelfService.Storage.Channels;
using SelfService.Storage.LiteDb;
using SelfService.Testing;

namespace SelfService.Channels.DirectLine.Tests.Transcript;

public class DirectLineTranscriptsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;
    private LiteStorage _storage = null!;
    private DirectLineTranscripts _transcripts = null!;

    [SetUp]
    public void Open()
    {
        _storage = new LiteStorage(null, new LiteDbStorageOptions(), NullLoggerFactory.Instance);
        _transcripts = new DirectLineTranscripts(_storage.DirectLineTranscripts);
    }

    [TearDown]
    public void Close() => _storage.Dispose();

    private static DirectLineActivityRecord Line(string key, string conversationId, string text = "hi") =>
        new() { Key = key, ConversationId = conversationId, Role = "user", FromId = "u", Text = text, Timestamp = Now };

    [Test]
    public async Task CreateConversation_GivesDistinctUnguessableIds()
    {
        var ids = new List<string>();
        for (var i = 0; i < 20; i++) ids.Add(await _transcripts.CreateConversationAsync(Now, None));

        Assert.That(ids, Is.Unique);
        Assert.That(ids, Has.All.Length.EqualTo(32));
        foreach (var id in ids) Assert.That(await _transcripts.ExistsAsync(id, None), Is.True);
        Assert.That(await _transcripts.ExistsAsync("unknown", None), Is.False);
    }

    [Test]
    public async Task Append_Interleaved_WatermarksGrowWithinEachConversation()
    {
        var a = await _transcripts.CreateConversationAsync(Now, None);
        var b = await _transcripts.CreateConversationAsync(Now, None);
        foreach (var i in Enumerable.Range(0, 5))
        {
            await _transcripts.AppendAsync(Line("a" + i, a), None);
            await _transcripts.AppendAsync(Line("b" + i, b), None);
        }

        var seqs = (await _transcripts.AfterAsync(a, 0, None)).Select(r => r.Seq).ToList();

        Assert.That(seqs, Has.Count.EqualTo(5));
        Assert.That(seqs, Is.Ordered.Ascending);
        Assert.That(seqs, Is.Unique);
        Assert.That((await _transcripts.AfterAsync(a, seqs[2], None)).Select(r => r.Key), Is.EqualTo(new[] { "a3", "a4" }));
    }

    [Test]
    public async Task Append_SameKeyTwice_KeepsTheFirstAndSaysSo()
    {
        var a = await _transcripts.CreateConversationAsync(Now, None);

        var (first, added) = await _transcripts.AppendAsync(Line("k1", a, "first"), None);
        var (again, addedAgain) = await _transcripts.AppendAsync(Line("k1", a, "second"), None);

        Assert.That((added, addedAgain), Is.EqualTo((true, false)));
        Assert.That(again.Seq, Is.EqualTo(first.Seq));
        Assert.That((await _transcripts.AfterAsync(a, 0, None)).Select(r => r.Text), Is.EqualTo(new[] { "first" }));
    }

    [Test]
    public async Task ActivityId_IsTheConversationAndTheWatermark()
    {
        var a = await _transcripts.CreateConversationAsync(Now, None);

        var (stored, _) = await _transcripts.AppendAsync(Line("k1", a), None);

        Assert.That(stored.ActivityId, Is.EqualTo($"{a}|{stored.Seq:D7}"));
        Assert.That((await _transcripts.FindByKeyAsync("k1", None))!.ActivityId, Is.EqualTo(stored.ActivityId));
    }

    [Test]
    public async Task After_ALimit_PagesInOrder()
    {
        var a = await _transcripts.CreateConversationAsync(Now, None);
        foreach (var i in Enumerable.Range(0, 7)) await _transcripts.AppendAsync(Line("k" + i, a), None);

        var page1 = await _transcripts.AfterAsync(a, 0, 4, None);
        var page2 = await _transcripts.AfterAsync(a, page1[^1].Seq, 4, None);

        Assert.That(page1.Concat(page2).Select(r => r.Key), Is.EqualTo(Enumerable.Range(0, 7).Select(i => "k" + i)));
    }

    [Test]
    public async Task Transcript_SurvivesReopeningTheDatabase()
    {
        using var folder = new TemporaryFolder();
        var file = folder.File("gateway.db");
        string conversation;
        using (var storage = new LiteStorage(file, new LiteDbStorageOptions(), NullLoggerFactory.Instance))
        {
            var transcripts = new DirectLineTranscripts(storage.DirectLineTranscripts);
            conversation = await transcripts.CreateConversationAsync(Now, None);
            await transcripts.AppendAsync(Line("k1", conversation, "Привет"), None);
        }
        using (var storage = new LiteStorage(file, new LiteDbStorageOptions(), NullLoggerFactory.Instance))
        {
            var transcripts = new DirectLineTranscripts(storage.DirectLineTranscripts);
            Assert.That(await transcripts.ExistsAsync(conversation, None), Is.True);
            Assert.That((await transcripts.AfterAsync(conversation, 0, None)).Single().Text, Is.EqualTo("Привет"));
        }
    }
}
