using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SelfService.Channels;
using SelfService.Storage.LiteDb;
using SelfService.Storage.Messages;

namespace SelfService.Pipeline.Tests;

public class OutboxDispatcherTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private LiteStorage _storage = null!;

    private static readonly PipelineOptions Options = new()
    {
        MaxSendAttempts = 3, FirstRetryDelay = TimeSpan.FromSeconds(2), MaxRetryDelay = TimeSpan.FromMinutes(1),
    };

    [SetUp]
    public void Open()
    {
        _storage = new LiteStorage(null, new LiteDbStorageOptions(), NullLoggerFactory.Instance);
    }

    [TearDown]
    public void Close() => _storage.Dispose();

    [Test]
    public async Task Dispatch_AdapterSends_MarksSent()
    {
        var adapter = new ScriptedAdapter("webchat");
        var dispatcher = Dispatcher(adapter);
        await QueueAsync("m1:0", "webchat");

        await dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.That((await RecordAsync("m1:0")).State, Is.EqualTo(OutboxState.Sent));
        Assert.That(adapter.Sent.Single().Id, Is.EqualTo("m1:0"));
    }

    [Test]
    public async Task Dispatch_RetryableFailure_RetriesAfterBackoffAndThenSends()
    {
        var adapter = new ScriptedAdapter("webchat", SendResult.Retry("busy"));
        var dispatcher = Dispatcher(adapter);
        await QueueAsync("m1:0", "webchat");

        await dispatcher.DispatchDueAsync(CancellationToken.None);
        var afterFailure = await RecordAsync("m1:0");
        Assert.That(afterFailure.State, Is.EqualTo(OutboxState.Pending));
        Assert.That(afterFailure.LastError, Is.EqualTo("busy"));
        Assert.That(afterFailure.NextAttemptAt, Is.GreaterThan(_time.GetUtcNow()));

        await dispatcher.DispatchDueAsync(CancellationToken.None);
        Assert.That(adapter.Sent, Has.Count.EqualTo(1), "not before the backoff has passed");

        _time.Advance(TimeSpan.FromSeconds(3));
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        Assert.That((await RecordAsync("m1:0")).State, Is.EqualTo(OutboxState.Sent));
        Assert.That(adapter.Sent, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Dispatch_RetryAfterGivenByTheChannel_IsHonoured()
    {
        var adapter = new ScriptedAdapter("webchat", SendResult.Retry("429", TimeSpan.FromSeconds(30)));
        var dispatcher = Dispatcher(adapter);
        await QueueAsync("m1:0", "webchat");

        await dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.That((await RecordAsync("m1:0")).NextAttemptAt, Is.EqualTo(_time.GetUtcNow() + TimeSpan.FromSeconds(30)));
    }

    [Test]
    public async Task Dispatch_TooManyFailures_MarksFailed()
    {
        var adapter = new ScriptedAdapter("webchat", SendResult.Retry("a"), SendResult.Retry("b"), SendResult.Retry("c"));
        var dispatcher = Dispatcher(adapter);
        await QueueAsync("m1:0", "webchat");

        for (var i = 0; i < 3; i++)
        {
            await dispatcher.DispatchDueAsync(CancellationToken.None);
            _time.Advance(TimeSpan.FromMinutes(2));
        }

        Assert.That((await RecordAsync("m1:0")).State, Is.EqualTo(OutboxState.Failed));
        Assert.That((await RecordAsync("m1:0")).LastError, Is.EqualTo("c"));
    }

    [Test]
    public async Task Dispatch_PermanentFailure_IsNotRetried()
    {
        var adapter = new ScriptedAdapter("webchat", SendResult.Fail("no such conversation"));
        var dispatcher = Dispatcher(adapter);
        await QueueAsync("m1:0", "webchat");

        await dispatcher.DispatchDueAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(1));
        await dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.That((await RecordAsync("m1:0")).State, Is.EqualTo(OutboxState.Failed));
        Assert.That(adapter.Sent, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Dispatch_ChannelWithoutAdapter_StaysPendingForever()
    {
        var dispatcher = Dispatcher(new ScriptedAdapter("webchat"));
        await QueueAsync("m1:0", "sms");

        for (var i = 0; i < 10; i++)
        {
            await dispatcher.DispatchDueAsync(CancellationToken.None);
            _time.Advance(TimeSpan.FromMinutes(2));
        }

        var record = (await RecordAsync("m1:0"));
        Assert.That(record.State, Is.EqualTo(OutboxState.Pending), "an SMS waits until an SMSC is configured");
        Assert.That(record.LastError, Does.Contain("no adapter"));
    }

    [TestCase(true, OutboxState.Pending)]
    [TestCase(false, OutboxState.Sent)]
    public async Task Recover_InterruptedSend_ResentOnlyWhereSendingTwiceIsHarmless(bool idempotent, OutboxState expected)
    {
        await QueueAsync("m1:0", "webchat");
        var record = await RecordAsync("m1:0");
        record.State = OutboxState.Sending;
        await _storage.Outbox.SaveAsync([record], CancellationToken.None);
        var dispatcher = Dispatcher(new ScriptedAdapter("webchat") { Idempotent = idempotent });

        var recovered = await dispatcher.RecoverInterruptedSendsAsync(CancellationToken.None);

        Assert.That(recovered, Is.EqualTo(1));
        Assert.That((await RecordAsync("m1:0")).State, Is.EqualTo(expected));
    }

    [Test]
    public async Task Dispatch_ChannelDown_WaitsWithoutUsingUpAttempts()
    {
        var adapter = new ScriptedAdapter("sms", Enumerable.Repeat(SendResult.Unavailable("the SMSC bind is down"), 20).ToArray());
        var dispatcher = Dispatcher(adapter);
        await QueueAsync("m1:0", "sms");

        for (var i = 0; i < 20; i++)
        {
            await dispatcher.DispatchDueAsync(CancellationToken.None);
            _time.Advance(TimeSpan.FromMinutes(2));
        }
        await dispatcher.DispatchDueAsync(CancellationToken.None);

        var record = await RecordAsync("m1:0");
        Assert.That(adapter.Sent, Has.Count.EqualTo(21), "tried whenever due");
        Assert.That(record.State, Is.EqualTo(OutboxState.Sent), "went once the bind was back");
        Assert.That(record.Attempts, Is.EqualTo(1), "waiting used up no attempt");
    }

    [Test]
    public async Task Dispatch_PartsAcceptedBeforeADrop_AreKeptAndTheNextAttemptResumesAfterThem()
    {
        AcceptedPart Part(int n) => new(n, 3, "id" + n, ["id" + n, "ID" + n]);
        var adapter = new ScriptedAdapter("sms", new SendResult(SendStatus.RetryableFailure, "bind dropped", null, [Part(1), Part(2)]),
            new SendResult(SendStatus.Sent, null, null, [Part(3)]));
        var dispatcher = Dispatcher(adapter);
        await QueueAsync("m1:0", "sms");

        await dispatcher.DispatchDueAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(2));
        await dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.That(adapter.Sent.Select(m => m.AcceptedParts), Is.EqualTo(new[] { 0, 2 }));
        var record = await RecordAsync("m1:0");
        Assert.That(record.Parts.Select(p => p.ChannelMessageId), Is.EqualTo(new[] { "id1", "id2", "id3" }));
        Assert.That(record.MatchKeys, Does.Contain("ID3"));
        Assert.That(await _storage.Outbox.ApplyReceiptAsync(["ID2"], "DELIVRD", null, _time.GetUtcNow(), CancellationToken.None), Is.True);
        Assert.That((await RecordAsync("m1:0")).Parts[1].DeliveryState, Is.EqualTo("DELIVRD"));
    }

    private OutboxDispatcher Dispatcher(IChannelAdapter adapter) =>
        new(_storage.Outbox, new ChannelRegistry([adapter]), new PipelineMetrics(new TestMeterFactory()), Microsoft.Extensions.Options.Options.Create(Options), _time,
            NullLogger<OutboxDispatcher>.Instance);

    private Task QueueAsync(string id, string channel, string text = "t") => _storage.Outbox.EnqueueAsync([new OutboxRecord
    {
        Id = id, Channel = channel, Address = "a", Text = text, State = OutboxState.Pending,
        CreatedAt = _time.GetUtcNow(), NextAttemptAt = _time.GetUtcNow(),
    }], CancellationToken.None);

    private async Task<OutboxRecord> RecordAsync(string id) => (await _storage.Outbox.GetAsync(id, CancellationToken.None))!;
}
