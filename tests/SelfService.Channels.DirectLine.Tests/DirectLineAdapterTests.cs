using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SelfService.Channels.DirectLine.Streaming;
using SelfService.Channels.DirectLine.Transcript;
using SelfService.Messaging;
using SelfService.Storage.Channels;
using SelfService.Storage.LiteDb;

namespace SelfService.Channels.DirectLine.Tests;

public class DirectLineAdapterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private LiteStorage _storage = null!;
    private DirectLineTranscripts _transcripts = null!;
    private ConversationStreams _streams = null!;
    private DirectLineAdapter _adapter = null!;

    [SetUp]
    public void Open()
    {
        _storage = new LiteStorage(null, new LiteDbStorageOptions(), NullLoggerFactory.Instance);
        _transcripts = new DirectLineTranscripts(_storage.DirectLineTranscripts);
        var mapper = new ActivityMapper("selfservice", "SelfService");
        _streams = new ConversationStreams(_transcripts, mapper, Options.Create(new DirectLineOptions()), _time, NullLogger<ConversationStreams>.Instance);
        _adapter = new DirectLineAdapter(_transcripts, _streams, mapper, _time);
    }

    [TearDown]
    public void Close() => _storage.Dispose();

    private static OutboundMessage Reply(string id, string conversation, string text, string? inReplyTo = null, params string[] choices) =>
        new(id, ChannelNames.DirectLine, conversation, text, choices, inReplyTo, conversation, null);

    [Test]
    public void Profile_LongMarkdownAnswers_IdempotentSends()
    {
        var profile = _adapter.Profile;

        Assert.That((profile.Name, profile.ReplyForm, profile.SenderIsMsisdn, profile.IdempotentSends),
            Is.EqualTo((ChannelNames.DirectLine, ReplyForm.Long, false, true)));
    }

    [Test]
    public async Task Send_AReply_IsABotMessageAnsweringTheUsersActivity()
    {
        var conversation = await _transcripts.CreateConversationAsync(_time.GetUtcNow(), CancellationToken.None);
        var (user, _) = await _transcripts.AppendAsync(new DirectLineActivityRecord { Key = "in-1", ConversationId = conversation, Role = "user", FromId = "u", Text = "ВКЛ РОУМИНГ" }, CancellationToken.None);

        var result = await _adapter.SendAsync(Reply("in-1:0", conversation, "Подключить «Роуминг»?", "in-1", "ДА", "НЕТ"), CancellationToken.None);

        Assert.That(result, Is.EqualTo(SendResult.Sent));
        var reply = (await _transcripts.AfterAsync(conversation, user.Seq, CancellationToken.None)).Single();
        Assert.That((reply.Role, reply.TextFormat, reply.ReplyToId, reply.Text), Is.EqualTo(("bot", "markdown", user.ActivityId, "Подключить «Роуминг»?")));
        Assert.That(reply.Choices, Is.EqualTo(new[] { "ДА", "НЕТ" }));
    }

    [Test]
    public async Task Send_ReplyReadyBeforeTheEchoOfItsQuestion_WaitsAndComesAfterIt()
    {
        var conversation = await _transcripts.CreateConversationAsync(_time.GetUtcNow(), CancellationToken.None);
        var question = new Protocol.Activity { Type = "message", Text = "БАЛАНС", From = new Protocol.ChannelAccount("u") };
        // A command processor as fast as can be: the reply is sent while the question is still being accepted.
        var sink = new ReplyingSink(message => _adapter.SendAsync(Reply(message.Id + ":0", conversation, "Баланс: 350,00 RUB", message.Id), CancellationToken.None));

        var echo = await DirectLineEndpoints.AcceptMessageAsync(question, conversation, null, sink, _streams, _time, CancellationToken.None);
        await sink.Reply!;

        var transcript = await _transcripts.AfterAsync(conversation, 0, CancellationToken.None);
        Assert.That(transcript.Select(a => a.Role), Is.EqualTo(new[] { "user", "bot" }), "the echo first, then the answer");
        Assert.That(transcript[1].ReplyToId, Is.EqualTo(echo.ActivityId));
    }

    /// <summary>Accepts a message and, before returning, starts the reply to it, as the pipeline's workers may.</summary>
    private sealed class ReplyingSink(Func<InboundMessage, Task<SendResult>> reply) : IInboundSink
    {
        public Task<SendResult>? Reply { get; private set; }

        public async Task<AcceptResult> AcceptAsync(InboundMessage message, CancellationToken cancellationToken)
        {
            Reply = Task.Run(() => reply(message), cancellationToken);
            await Task.WhenAny(Reply, Task.Delay(200, cancellationToken));
            return new AcceptResult(message.Id, Duplicate: false);
        }
    }

    [Test]
    public async Task Send_SameOutboxIdTwice_ShowsOnce()
    {
        var conversation = await _transcripts.CreateConversationAsync(_time.GetUtcNow(), CancellationToken.None);

        await _adapter.SendAsync(Reply("in-1:0", conversation, "Баланс: 350"), CancellationToken.None);
        var again = await _adapter.SendAsync(Reply("in-1:0", conversation, "Баланс: 350"), CancellationToken.None);

        Assert.That(again, Is.EqualTo(SendResult.Sent));
        Assert.That(await _transcripts.AfterAsync(conversation, 0, CancellationToken.None), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Send_ToAConversationThatDoesNotExist_FailsWithoutRetry()
    {
        var result = await _adapter.SendAsync(Reply("in-1:0", "nope", "Баланс: 350"), CancellationToken.None);

        Assert.That(result.Status, Is.EqualTo(SendStatus.PermanentFailure));
        Assert.That(result.Error, Does.Contain("nope"));
    }
}
