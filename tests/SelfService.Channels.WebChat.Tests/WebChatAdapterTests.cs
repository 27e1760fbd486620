using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SelfService.Messaging;
using SelfService.Storage.Channels;
using SelfService.Storage.LiteDb;

namespace SelfService.Channels.WebChat.Tests;

public class WebChatAdapterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private LiteStorage _storage = null!;
    private WebChatConversations _store = null!;
    private WebChatAdapter _adapter = null!;

    [SetUp]
    public void Open()
    {
        _storage = new LiteStorage(null, new LiteDbStorageOptions(), NullLoggerFactory.Instance);
        _store = new WebChatConversations(_storage.WebChat);
        _adapter = new WebChatAdapter(_store, _time);
    }

    [TearDown]
    public void Close() => _storage.Dispose();

    [Test]
    public async Task Send_ToConversation_AppearsInTheTranscriptWithItsChoices()
    {
        var (id, _) = await _store.CreateAsync(_time.GetUtcNow(), CancellationToken.None);

        var result = await _adapter.SendAsync(Reply("m1:0", id, "Подключить?", "ДА", "НЕТ"), CancellationToken.None);

        Assert.That(result.Status, Is.EqualTo(SendStatus.Sent));
        var line = (await _store.AfterAsync(id, 0, CancellationToken.None)).Single();
        Assert.That((line.From, line.Text, line.Choices), Is.EqualTo(("bot", "Подключить?", new List<string> { "ДА", "НЕТ" })));
    }

    [Test]
    public async Task Send_SameOutboxIdTwice_ShowsOnce()
    {
        var (id, _) = await _store.CreateAsync(_time.GetUtcNow(), CancellationToken.None);

        await _adapter.SendAsync(Reply("m1:0", id, "hello"), CancellationToken.None);
        await _adapter.SendAsync(Reply("m1:0", id, "hello"), CancellationToken.None);

        Assert.That(await _store.AfterAsync(id, 0, CancellationToken.None), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Send_WhileTheQuestionIsStillArriving_ReplyLineComesAfterTheQuestionsLine()
    {
        var (id, _) = await _store.CreateAsync(_time.GetUtcNow(), CancellationToken.None);

        Task<SendResult> send;
        using (await _store.ArrivalAsync(id, CancellationToken.None))
        {
            // The processor answered before the endpoint added the customer's line.
            send = _adapter.SendAsync(Reply("m1:0", id, "answer"), CancellationToken.None);
            await _store.AppendAsync(new WebChatActivity { ActivityId = "m1", ConversationId = id, From = "user", Text = "question", At = _time.GetUtcNow() },
                CancellationToken.None);
        }
        await send;

        Assert.That((await _store.AfterAsync(id, 0, CancellationToken.None)).Select(l => l.Text), Is.EqualTo(new[] { "question", "answer" }));
    }

    [Test]
    public async Task Send_ToUnknownConversation_FailsForGood()
    {
        var result = await _adapter.SendAsync(Reply("m1:0", "gone", "hello"), CancellationToken.None);

        Assert.That(result.Status, Is.EqualTo(SendStatus.PermanentFailure));
    }

    [Test]
    public async Task After_Watermark_ReturnsOnlyNewerLines()
    {
        var (id, _) = await _store.CreateAsync(_time.GetUtcNow(), CancellationToken.None);
        for (var i = 0; i < 3; i++)
            await _store.AppendAsync(new WebChatActivity { ActivityId = "a" + i, ConversationId = id, From = "user", Text = "t" + i, At = _time.GetUtcNow() }, CancellationToken.None);

        var all = await _store.AfterAsync(id, 0, CancellationToken.None);
        var newer = await _store.AfterAsync(id, all[0].Seq, CancellationToken.None);

        Assert.That(newer.Select(l => l.Text), Is.EqualTo(new[] { "t1", "t2" }));
    }

    [TestCase(null, false)]
    [TestCase("", false)]
    [TestCase("forged", false)]
    public async Task IsAuthorized_WrongTokens_AreRefused(string? token, bool expected)
    {
        var (id, _) = await _store.CreateAsync(_time.GetUtcNow(), CancellationToken.None);

        Assert.That(WebChatConversations.IsAuthorized((await _store.FindAsync(id, CancellationToken.None))!, token), Is.EqualTo(expected));
    }

    [Test]
    public async Task IsAuthorized_OwnTokenOnly()
    {
        var (first, firstToken) = await _store.CreateAsync(_time.GetUtcNow(), CancellationToken.None);
        var (second, _) = await _store.CreateAsync(_time.GetUtcNow(), CancellationToken.None);

        Assert.That(WebChatConversations.IsAuthorized((await _store.FindAsync(first, CancellationToken.None))!, firstToken), Is.True);
        Assert.That(WebChatConversations.IsAuthorized((await _store.FindAsync(second, CancellationToken.None))!, firstToken), Is.False);
    }

    private static OutboundMessage Reply(string id, string conversation, string text, params string[] choices) =>
        new(id, ChannelNames.WebChat, conversation, text, choices, null, conversation, null);
}
