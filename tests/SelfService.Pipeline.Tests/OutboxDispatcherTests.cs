using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SelfService.Channels;

namespace SelfService.Pipeline.Tests;

public class OutboxDispatcherTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private LiteDatabase _database = null!;
    private MessageStore _store = null!;

    private static readonly PipelineOptions Options = new()
    {
        MaxSendAttempts = 3, FirstRetryDelay = TimeSpan.FromSeconds(2), MaxRetryDelay = TimeSpan.FromMinutes(1),
    };

    [SetUp]
    public void Open()
    {
        _database = new LiteDatabase(new MemoryStream());
        _store = new MessageStore(_database);
    }

    [TearDown]
    public void Close() => _database.Dispose();

    [Test]
    public async Task Dispatch_AdapterSends_MarksSent()
    {
        var adapter = new ScriptedAdapter("webchat");
        var dispatcher = Dispatcher(adapter);
        Queue("m1:0", "webchat");

        await dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.That(Record("m1:0").State, Is.EqualTo(OutboxState.Sent));
        Assert.That(adapter.Sent.Single().Id, Is.EqualTo("m1:0"));
    }

    [Test]
    public async Task Dispatch_RetryableFailure_RetriesAfterBackoffAndThenSends()
    {
        var adapter = new ScriptedAdapter("webchat", SendResult.Retry("busy"));
        var dispatcher = Dispatcher(adapter);
        Queue("m1:0", "webchat");

        await dispatcher.DispatchDueAsync(CancellationToken.None);
        var afterFailure = Record("m1:0");
        Assert.That(afterFailure.State, Is.EqualTo(OutboxState.Pending));
        Assert.That(afterFailure.LastError, Is.EqualTo("busy"));
        Assert.That(afterFailure.NextAttemptAt, Is.GreaterThan(_time.GetUtcNow()));

        await dispatcher.DispatchDueAsync(CancellationToken.None);
        Assert.That(adapter.Sent, Has.Count.EqualTo(1), "not before the backoff has passed");

        _time.Advance(TimeSpan.FromSeconds(3));
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        Assert.That(Record("m1:0").State, Is.EqualTo(OutboxState.Sent));
        Assert.That(adapter.Sent, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Dispatch_RetryAfterGivenByTheChannel_IsHonoured()
    {
        var adapter = new ScriptedAdapter("webchat", SendResult.Retry("429", TimeSpan.FromSeconds(30)));
        var dispatcher = Dispatcher(adapter);
        Queue("m1:0", "webchat");

        await dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.That(Record("m1:0").NextAttemptAt, Is.EqualTo(_time.GetUtcNow() + TimeSpan.FromSeconds(30)));
    }

    [Test]
    public async Task Dispatch_TooManyFailures_MarksFailed()
    {
        var adapter = new ScriptedAdapter("webchat", SendResult.Retry("a"), SendResult.Retry("b"), SendResult.Retry("c"));
        var dispatcher = Dispatcher(adapter);
        Queue("m1:0", "webchat");

        for (var i = 0; i < 3; i++)
        {
            await dispatcher.DispatchDueAsync(CancellationToken.None);
            _time.Advance(TimeSpan.FromMinutes(2));
        }

        Assert.That(Record("m1:0").State, Is.EqualTo(OutboxState.Failed));
        Assert.That(Record("m1:0").LastError, Is.EqualTo("c"));
    }

    [Test]
    public async Task Dispatch_PermanentFailure_IsNotRetried()
    {
        var adapter = new ScriptedAdapter("webchat", SendResult.Fail("no such conversation"));
        var dispatcher = Dispatcher(adapter);
        Queue("m1:0", "webchat");

        await dispatcher.DispatchDueAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(1));
        await dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.That(Record("m1:0").State, Is.EqualTo(OutboxState.Failed));
        Assert.That(adapter.Sent, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Dispatch_ChannelWithoutAdapter_StaysPendingForever()
    {
        var dispatcher = Dispatcher(new ScriptedAdapter("webchat"));
        Queue("m1:0", "sms");

        for (var i = 0; i < 10; i++)
        {
            await dispatcher.DispatchDueAsync(CancellationToken.None);
            _time.Advance(TimeSpan.FromMinutes(2));
        }

        var record = Record("m1:0");
        Assert.That(record.State, Is.EqualTo(OutboxState.Pending), "an SMS waits until an SMSC is configured");
        Assert.That(record.LastError, Does.Contain("no adapter"));
    }

    [TestCase(true, OutboxState.Pending)]
    [TestCase(false, OutboxState.Sent)]
    public void Recover_InterruptedSend_ResentOnlyWhereSendingTwiceIsHarmless(bool idempotent, OutboxState expected)
    {
        Queue("m1:0", "webchat");
        _store.MarkSending(_store.DueForSending(_time.GetUtcNow(), 10));

        var recovered = _store.RecoverInterruptedSends(_ => idempotent, _time.GetUtcNow());

        Assert.That(recovered, Is.EqualTo(1));
        Assert.That(Record("m1:0").State, Is.EqualTo(expected));
    }

    [Test]
    public void CompleteProcessing_RunTwice_KeepsTheFirstReply()
    {
        Queue("m1:0", "webchat", "first");
        Queue("m1:0", "webchat", "second run after a crash");

        Assert.That(Record("m1:0").Text, Is.EqualTo("first"));
        Assert.That(_store.Outbox(null, null, null, 100), Has.Count.EqualTo(1));
    }

    [Test]
    public void Accept_SameChannelMessageIdTwice_IsADuplicateOfTheFirst()
    {
        var first = InboundMessage.Received("sms", "smsc-42", "+79161234567", "BAL", "s", _time.GetUtcNow());
        var again = InboundMessage.Received("sms", "smsc-42", "+79161234567", "BAL", "s", _time.GetUtcNow());
        var other = InboundMessage.Received("webchat", "smsc-42", "c1", "BAL", "s", _time.GetUtcNow());

        var a = _store.Accept(first);
        var b = _store.Accept(again);
        var c = _store.Accept(other);

        Assert.That(a.Duplicate, Is.False);
        Assert.That(b, Is.EqualTo(new AcceptResult(first.Id, Duplicate: true)));
        Assert.That(c.Duplicate, Is.False, "ids are per channel");
        Assert.That(_store.Unprocessed().Select(m => m.Id), Is.EqualTo(new[] { first.Id, other.Id }));
    }

    private OutboxDispatcher Dispatcher(IChannelAdapter adapter) =>
        new(_store, new ChannelRegistry([adapter]), new PipelineMetrics(new TestMeterFactory()), Microsoft.Extensions.Options.Options.Create(Options), _time,
            NullLogger<OutboxDispatcher>.Instance);

    private void Queue(string id, string channel, string text = "t") => _store.CompleteProcessing("in-" + id, "Executed", [new OutboxRecord
    {
        Id = id, Channel = channel, Address = "a", Text = text, State = OutboxState.Pending,
        CreatedAt = _time.GetUtcNow(), NextAttemptAt = _time.GetUtcNow(),
    }], _time.GetUtcNow());

    private OutboxRecord Record(string id) => _store.Outbox(null, null, null, 100).Single(r => r.Id == id);
}
