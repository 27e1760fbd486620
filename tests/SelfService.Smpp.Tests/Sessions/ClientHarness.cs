using Microsoft.Extensions.Logging.Abstractions;
using SelfService.Smpp.Tests.Support;

namespace SelfService.Smpp.Tests.Sessions;

/// <summary>A test SMSC on a free loopback port and a client bound to it.</summary>
internal sealed class ClientHarness : IAsyncDisposable
{
    private ClientHarness(SmppServer server, SmppClient client, TestSmsc smsc, RecordingHandler handler, WireLog serverWire, WireLog clientWire, List<SmppSessionState> states)
    {
        Server = server;
        Client = client;
        Smsc = smsc;
        Handler = handler;
        ServerWire = serverWire;
        ClientWire = clientWire;
        States = states;
    }

    public SmppServer Server { get; }
    public SmppClient Client { get; }
    public TestSmsc Smsc { get; }
    public RecordingHandler Handler { get; }
    public WireLog ServerWire { get; }
    public WireLog ClientWire { get; }
    public List<SmppSessionState> States { get; }

    public static SmppClientOptions Options(int port) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        SystemId = "esme",
        Password = "secret",
        ResponseTimeout = TimeSpan.FromSeconds(3),
        EnquireLinkInterval = TimeSpan.Zero,
        ReconnectMinDelay = TimeSpan.FromMilliseconds(20),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(100),
        BindWaitTimeout = TimeSpan.FromSeconds(5),
    };

    public static async Task<ClientHarness> StartAsync(Action<SmppClientOptions>? configure = null, TimeProvider? clientTime = null, TestSmsc? smsc = null, bool waitForBind = true)
    {
        smsc ??= new TestSmsc();
        var serverWire = new WireLog();
        var server = new SmppServer(smsc, protocolLogger: serverWire);
        server.Start();
        var options = Options(server.Port);
        configure?.Invoke(options);
        var handler = new RecordingHandler();
        var clientWire = new WireLog();
        var client = new SmppClient(options, handler, clientTime ?? TimeProvider.System, NullLogger<SmppClient>.Instance, clientWire);
        var states = new List<SmppSessionState>();
        client.StateChanged += (_, e) => { lock (states) states.Add(e.Current); };
        await client.StartAsync(CancellationToken.None);
        if (waitForBind) await client.WaitUntilBoundAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        return new ClientHarness(server, client, smsc, handler, serverWire, clientWire, states);
    }

    public static SubmitSm Submit(string text = "Hello") => new()
    {
        SourceAddrTon = TypeOfNumber.Alphanumeric, SourceAddr = "Operator",
        DestAddrTon = TypeOfNumber.International, DestAddrNpi = NumberingPlan.Isdn, DestinationAddr = "79161234567",
        ShortMessage = System.Text.Encoding.ASCII.GetBytes(text),
    };

    public static DeliverSm Mo(string text = "BALANCE") => new()
    {
        SourceAddrTon = TypeOfNumber.International, SourceAddrNpi = NumberingPlan.Isdn, SourceAddr = "79161234567",
        DestinationAddr = "1234", ShortMessage = System.Text.Encoding.ASCII.GetBytes(text),
    };

    public SmppServerSession BoundSession() => Server.BoundSessions.Single();

    public async ValueTask DisposeAsync()
    {
        // Bounded, so that a bug in stopping fails one test instead of hanging the run.
        await Client.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        await Server.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
    }
}
