using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SelfService.Smpp;
using SelfService.Testing.Channels;

namespace SelfService.Channels.Sms.Tests.Support;

/// <summary>
/// The SMS channel end to end on loopback: an <see cref="SmppServer"/> on 127.0.0.1 port 0 driven by a
/// <see cref="ScriptedSmsc"/>, and a real <see cref="SmsAdapter"/> bound to it as a transceiver, handing MO messages to a
/// <see cref="RecordingInboundSink"/> and keeping its submissions in an in-memory LiteDB.
/// </summary>
internal sealed class SmsChannelHarness : IAsyncDisposable
{
    /// <summary>Bounds every wait, so that a hang fails one test instead of the run.</summary>
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(5);

    /// <summary>The fake clock's start: not on a millisecond, as real clocks are not (LiteDB keeps milliseconds).</summary>
    public static readonly DateTimeOffset Start = new DateTimeOffset(2026, 11, 25, 9, 0, 0, 123, TimeSpan.Zero).AddTicks(4567);

    private SmsChannelHarness(
        FakeTimeProvider clock, ScriptedSmsc smsc, SmppServer server, RecordingInboundSink sink, LiteDatabase database,
        SubmissionStore submissions, SmsOptions options, SmsAdapter adapter)
    {
        Clock = clock;
        Smsc = smsc;
        Server = server;
        Sink = sink;
        Database = database;
        Submissions = submissions;
        Options = options;
        Adapter = adapter;
    }

    /// <summary>The adapter's clock: advance it to pass the duplicate window or the concatenation timeout.</summary>
    public FakeTimeProvider Clock { get; }

    public ScriptedSmsc Smsc { get; }
    public SmppServer Server { get; }
    public RecordingInboundSink Sink { get; }
    public LiteDatabase Database { get; }
    public SubmissionStore Submissions { get; }
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
        var database = new LiteDatabase(new MemoryStream(), new BsonMapper { TrimWhitespace = false, EmptyStringToNull = false });
        var submissions = new SubmissionStore(database);
        var sink = new RecordingInboundSink();
        TimeProvider adapterTime = transportOnFakeClock ? clock : new FakeWallClock(clock);
        var adapter = new SmsAdapter(Microsoft.Extensions.Options.Options.Create(options), sink, database, submissions, adapterTime, NullLoggerFactory.Instance);
        var harness = new SmsChannelHarness(clock, smsc, server, sink, database, submissions, options, adapter);
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
        Database.Dispose();
    }
}
