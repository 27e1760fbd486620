using LiteDB;
using SelfService.Channels.DirectLine.Transcript;

namespace SelfService.Channels.DirectLine.Tests.Transcript;

public class DirectLineTranscriptsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private LiteDatabase _database = null!;
    private DirectLineTranscripts _transcripts = null!;

    [SetUp]
    public void Open()
    {
        _database = new LiteDatabase(new MemoryStream());
        _transcripts = new DirectLineTranscripts(_database);
    }

    [TearDown]
    public void Close() => _database.Dispose();

    private static DirectLineActivityRecord Line(string key, string conversationId, string text = "hi") =>
        new() { Key = key, ConversationId = conversationId, Role = "user", FromId = "u", Text = text, Timestamp = Now };

    [Test]
    public void CreateConversation_GivesDistinctUnguessableIds()
    {
        var ids = Enumerable.Range(0, 20).Select(_ => _transcripts.CreateConversation(Now)).ToList();

        Assert.That(ids, Is.Unique);
        Assert.That(ids, Has.All.Length.EqualTo(32));
        Assert.That(ids.All(_transcripts.Exists), Is.True);
        Assert.That(_transcripts.Exists("unknown"), Is.False);
    }

    [Test]
    public void Append_Interleaved_WatermarksGrowWithinEachConversation()
    {
        var a = _transcripts.CreateConversation(Now);
        var b = _transcripts.CreateConversation(Now);
        foreach (var i in Enumerable.Range(0, 5))
        {
            _transcripts.Append(Line("a" + i, a));
            _transcripts.Append(Line("b" + i, b));
        }

        var seqs = _transcripts.After(a, 0).Select(r => r.Seq).ToList();

        Assert.That(seqs, Has.Count.EqualTo(5));
        Assert.That(seqs, Is.Ordered.Ascending);
        Assert.That(seqs, Is.Unique);
        Assert.That(_transcripts.After(a, seqs[2]).Select(r => r.Key), Is.EqualTo(new[] { "a3", "a4" }));
    }

    [Test]
    public void Append_SameKeyTwice_KeepsTheFirstAndSaysSo()
    {
        var a = _transcripts.CreateConversation(Now);

        var (first, added) = _transcripts.Append(Line("k1", a, "first"));
        var (again, addedAgain) = _transcripts.Append(Line("k1", a, "second"));

        Assert.That((added, addedAgain), Is.EqualTo((true, false)));
        Assert.That(again.Seq, Is.EqualTo(first.Seq));
        Assert.That(_transcripts.After(a, 0).Select(r => r.Text), Is.EqualTo(new[] { "first" }));
    }

    [Test]
    public void ActivityId_IsTheConversationAndTheWatermark()
    {
        var a = _transcripts.CreateConversation(Now);

        var (stored, _) = _transcripts.Append(Line("k1", a));

        Assert.That(stored.ActivityId, Is.EqualTo($"{a}|{stored.Seq:D7}"));
        Assert.That(_transcripts.FindByKey("k1")!.ActivityId, Is.EqualTo(stored.ActivityId));
    }

    [Test]
    public void After_ALimit_PagesInOrder()
    {
        var a = _transcripts.CreateConversation(Now);
        foreach (var i in Enumerable.Range(0, 7)) _transcripts.Append(Line("k" + i, a));

        var page1 = _transcripts.After(a, 0, limit: 4);
        var page2 = _transcripts.After(a, page1[^1].Seq, limit: 4);

        Assert.That(page1.Concat(page2).Select(r => r.Key), Is.EqualTo(Enumerable.Range(0, 7).Select(i => "k" + i)));
    }

    [Test]
    public void Transcript_SurvivesReopeningTheDatabase()
    {
        var file = Path.Combine(Path.GetTempPath(), $"directline-{Guid.NewGuid():N}.db");
        try
        {
            string conversation;
            using (var database = new LiteDatabase(file))
            {
                var transcripts = new DirectLineTranscripts(database);
                conversation = transcripts.CreateConversation(Now);
                transcripts.Append(Line("k1", conversation, "Привет"));
            }
            using (var database = new LiteDatabase(file))
            {
                var transcripts = new DirectLineTranscripts(database);
                Assert.That(transcripts.Exists(conversation), Is.True);
                Assert.That(transcripts.After(conversation, 0).Single().Text, Is.EqualTo("Привет"));
            }
        }
        finally
        {
            File.Delete(file);
        }
    }
}
