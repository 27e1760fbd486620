using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SelfService.Smpp;
using SelfService.Storage.LiteDb;
using SelfService.Storage.Messages;
using SelfService.Testing.Channels;

namespace SelfService.Channels.Sms.Tests.Support;

/// <summary>
/// The SMS channel end to end on loopback: an <see cref="SmppServer"/> on 127.0.0.1 port 0 driven by a
/// <see cref="ScriptedSmsc"/>, and a real <see cref="SmsAdapter"/> bound to it as a transceiver, handing MO messages to a
/// <see cref="RecordingInboundSink"/>, and the embedded store in memory for its outbox (delivery receipts) and its parts.
/// </summary>
internal sealed class SmsChannelHarness : IAsyncDisposable
{
    /// <summary>Bounds every wait, so that a hang fails one test instead of the run.</summary>
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(5);

    /// <summary>The fake clock's start: not on a millisecond, as real clocks are not (LiteDB keeps milliseconds).</summary>
    public static readonly DateTimeOffset Start = new DateTimeOffset(2026, 11, 25, 9, 0, 0, 123, TimeSpan.Zero).AddTicks(4567);

    private SmsChannelHarness(
        FakeTimeProvider clock, ScriptedSmsc smsc, SmppServer server, RecordingInboundSink sink, LiteStorage storage, SmsOptions options, SmsAdapter adapter)
    {
        Clock = clock;
        Smsc = smsc;
        Server = server;
        Sink = sink;
        Storage = storage;
        Options = options;
        Adapter = adapter;
    }

    /// <summary>The adapter's clock: advance it to pass the duplicate window or the concatenation timeout.</summary>
    public FakeTimeProvider Clock { get; }

    public ScriptedSmsc Smsc { get; }
    public SmppServer Server { get; }
    public RecordingInboundSink Sink { get; }
    public LiteStorage Storage { get; }
    public SmsOptions Options { get; }
    public SmsAdapter Adapter { get; }

    /// <param name="configure">Changes to the channel options (the SMPP options come preset for loopback).</param>
    /// <param name="bind">Start the bind and wait for it; false leaves the adapter unbound.</param>
    /// <param name="transportOnFakeClock">Hand the fake clock to the SMPP client too, so that its response timeout fires only
    /// when the test advances the clock (enquire_link is off then). By default the client's timers are real.</param>
    public static async Task<SmsChannelHarness> StartAsync(Action<SmsOptions>? configure = null, bool bind = true, bool transportOnFakeClock = false)
    {
        var smsc = new ScriptedSmsc();
        var server = new SmppServer(smsc);
        server.Start();
        var options = new SmsOptions
        {
            Enabled = true,
            SourceAddress = "1212",
            Smpp = new SmppClientOptions
            {
                Host = "127.0.0.1",
                Port = server.Port,
                SystemId = "selfsvc",
                Password = "secret",
                ResponseTimeout = WaitLimit,
                EnquireLinkInterval = TimeSpan.Zero,
                ReconnectMinDelay = TimeSpan.FromMilliseconds(20),
                ReconnectMaxDelay = TimeSpan.FromMilliseconds(100),
                ThrottledBackoff = TimeSpan.FromMilliseconds(10),
                ThrottledBackoffMax = TimeSpan.FromMilliseconds(40),
                BindWaitTimeout = WaitLimit,
            },
        };
        configure?.Invoke(options);
        var clock = new FakeTimeProvider(Start);
        var storage = new LiteStorage(null, new LiteDbStorageOptions(), NullLoggerFactory.Instance);
        var sink = new RecordingInboundSink();
        TimeProvider adapterTime = transportOnFakeClock ? clock : new FakeWallClock(clock);
        var adapter = new SmsAdapter(Microsoft.Extensions.Options.Options.Create(options), sink, storage.ConcatenatedParts, storage.Outbox, adapterTime, NullLoggerFactory.Instance);
        var harness = new SmsChannelHarness(clock, smsc, server, sink, storage, options, adapter);
        if (bind)
        {
            await adapter.Client.StartAsync(CancellationToken.None);
            await adapter.Client.WaitUntilBoundAsync(CancellationToken.None).WaitAsync(WaitLimit);
            await harness.WaitUntilAsync(() => adapter.Client.State == SmppSessionState.Bound, "the adapter's state to say Bound");
        }
        return harness;
    }

    /// <summary>Sends a deliver_sm (or data_sm) from the SMSC and returns the status of the ESME's answer.</summary>
    public async Task<CommandStatus> DeliverAsync(IMessagePdu pdu)
    {
        Pdu response = pdu switch
        {
            DeliverSm deliver => await Server.DeliverAsync(deliver, CancellationToken.None).WaitAsync(WaitLimit),
            DataSm data => await Server.SendDataAsync(data, CancellationToken.None).WaitAsync(WaitLimit),
            _ => throw new ArgumentException("deliver_sm or data_sm only", nameof(pdu)),
        };
        return response.CommandStatus;
    }

    /// <summary>
    /// Sends a message as the outbox does: stored first, then handed to the adapter, then stored again with the parts the
    /// SMSC accepted (which delivery receipts are matched against) and, on a retry, resumed after them.
    /// </summary>
    public async Task<SendResult> SendStoredAsync(OutboundMessage message)
    {
        var record = await Storage.Outbox.GetAsync(message.Id, CancellationToken.None);
        if (record is null)
        {
            record = new OutboxRecord { Id = message.Id, Channel = message.Channel, Address = message.Address, Text = message.Text };
            await Storage.Outbox.EnqueueAsync([record], CancellationToken.None);
        }
        var result = await Adapter.SendAsync(message with { AcceptedParts = record.Parts.Count }, CancellationToken.None);
        foreach (var part in result.Parts ?? [])
        {
            record.Parts.Add(new SentPart { Part = part.Part, Parts = part.Parts, ChannelMessageId = part.ChannelMessageId, MatchKeys = [.. part.MatchKeys] });
            record.MatchKeys.AddRange(part.MatchKeys);
        }
        await Storage.Outbox.SaveAsync([record], CancellationToken.None);
        return result;
    }

    /// <summary>The parts of a stored message that the SMSC accepted, with what their receipts said.</summary>
    public async Task<IReadOnlyList<SentPart>> PartsOfAsync(string outboxId) =>
        (await Storage.Outbox.GetAsync(outboxId, CancellationToken.None))?.Parts ?? [];

    /// <summary>Waits for the client to bind again after the SMSC dropped it (a second bind, and the state back at Bound).</summary>
    public Task WaitUntilReboundAsync(int binds) =>
        WaitUntilAsync(() => Smsc.Binds >= binds && Adapter.Client.State == SmppSessionState.Bound, $"bind #{binds}");

    public async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > WaitLimit) throw new TimeoutException("Gave up waiting for " + what);
            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Adapter.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        await Server.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Storage.Dispose();
    }
}
