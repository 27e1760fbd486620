using LiteDB;
using Microsoft.Extensions.Time.Testing;

namespace SelfService.Channels.WebChat.Tests;

public class WebChatAdapterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private LiteDatabase _database = null!;
    private WebChatStore _store = null!;
    private WebChatAdapter _adapter = null!;

    [SetUp]
    public void Open()
    {
        _database = new LiteDatabase(new MemoryStream());
        _store = new WebChatStore(_database);
        _adapter = new WebChatAdapter(_store, _time);
    }

    [TearDown]
    public void Close() => _database.Dispose();

    [Test]
    public async Task Send_ToConversation_AppearsInTheTranscriptWithItsChoices()
    {
        var (id, _) = _store.Create(_time.GetUtcNow());

        var result = await _adapter.SendAsync(Reply("m1:0", id, "Подключить?", "ДА", "НЕТ"), CancellationToken.None);

        Assert.That(result.Status, Is.EqualTo(SendStatus.Sent));
        var line = _store.After(id, 0).Single();
        Assert.That((line.From, line.Text, line.Choices), Is.EqualTo(("bot", "Подключить?", new List<string> { "ДА", "НЕТ" })));
    }

    [Test]
    public async Task Send_SameOutboxIdTwice_ShowsOnce()
    {
        var (id, _) = _store.Create(_time.GetUtcNow());

        await _adapter.SendAsync(Reply("m1:0", id, "hello"), CancellationToken.None);
        await _adapter.SendAsync(Reply("m1:0", id, "hello"), CancellationToken.None);

        Assert.That(_store.After(id, 0), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Send_ToUnknownConversation_FailsForGood()
    {
        var result = await _adapter.SendAsync(Reply("m1:0", "gone", "hello"), CancellationToken.None);

        Assert.That(result.Status, Is.EqualTo(SendStatus.PermanentFailure));
    }

    [Test]
    public void After_Watermark_ReturnsOnlyNewerLines()
    {
        var (id, _) = _store.Create(_time.GetUtcNow());
        for (var i = 0; i < 3; i++)
            _store.Append(new WebChatActivity { ActivityId = "a" + i, ConversationId = id, From = "user", Text = "t" + i, At = _time.GetUtcNow() });

        var all = _store.After(id, 0);
        var newer = _store.After(id, all[0].Seq);

        Assert.That(newer.Select(l => l.Text), Is.EqualTo(new[] { "t1", "t2" }));
    }

    [TestCase(null, false)]
    [TestCase("", false)]
    [TestCase("forged", false)]
    public void IsAuthorized_WrongTokens_AreRefused(string? token, bool expected)
    {
        var (id, _) = _store.Create(_time.GetUtcNow());

        Assert.That(_store.IsAuthorized(id, token), Is.EqualTo(expected));
    }

    [Test]
    public void IsAuthorized_OwnTokenOnly()
    {
        var (first, firstToken) = _store.Create(_time.GetUtcNow());
        var (second, _) = _store.Create(_time.GetUtcNow());

        Assert.That(_store.IsAuthorized(first, firstToken), Is.True);
        Assert.That(_store.IsAuthorized(second, firstToken), Is.False);
    }

    private static OutboundMessage Reply(string id, string conversation, string text, params string[] choices) =>
        new(id, ChannelNames.WebChat, conversation, text, choices, null, conversation, null);
}
