using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SelfService.Channels.Connections;
using SelfService.Channels.Telegram.Inbound;
using SelfService.Messaging;
using SelfService.Storage.Channels;
using SelfService.Storage.LiteDb;
using SelfService.Storage.Leases;
using SelfService.Testing.Channels;
using SelfService.Testing.Peers.Telegram;
using Telegram.Bot;

namespace SelfService.Channels.Telegram.Tests.Support;

/// <summary>The channel's parts wired as the host wires them, against the Bot API peer, with an in-memory database.</summary>
internal sealed class TelegramChannelHarness : IAsyncDisposable
{
    private readonly LiteStorage _storage = new(null, new LiteDbStorageOptions(), NullLoggerFactory.Instance);

    private TelegramChannelHarness(TelegramBotApiPeer peer)
    {
        Peer = peer;
        _options = Options.Create(new TelegramOptions
        {
            Enabled = true, Token = peer.Token, ApiBaseUrl = peer.BaseUrl.ToString(), PollingTimeout = TimeSpan.FromSeconds(2),
            ReconnectMinDelay = TimeSpan.FromMilliseconds(50), ReconnectMaxDelay = TimeSpan.FromMilliseconds(200),
        });
        Bot = new TelegramBotClient(new TelegramBotClientOptions(peer.Token, peer.BaseUrl.ToString()) { RetryCount = 0 });
        Chats = _storage.TelegramChats;
        var options = _options;
        Adapter = new TelegramAdapter(Bot, Chats, options, Time, NullLogger<TelegramAdapter>.Instance);
        Handler = new TelegramUpdateHandler(new TelegramUpdateMapper(new BotCommandMapper(SampleCatalogue.Load())), Sink, Chats, Adapter, Bot,
            options, Time, NullLogger<TelegramUpdateHandler>.Instance);
        Polling = NewPoller("gateway-a", Connection);
    }

    private readonly IOptions<TelegramOptions> _options;

    /// <summary>
    /// A poller of another gateway instance (<paramref name="instanceId"/>) configured for the same bot, on the same store:
    /// the two contend for the poll's lease as two processes on one PostgreSQL do.
    /// </summary>
    public TelegramPolling NewPoller(string instanceId, ConnectionStatus connection, TimeSpan? leaseDuration = null)
    {
        var leases = new ConnectionLeases(_storage.Leases,
            Options.Create(new GatewayInstanceOptions { InstanceId = instanceId, LeaseDuration = leaseDuration ?? TimeSpan.FromSeconds(15) }),
            TimeProvider.System, NullLogger<ConnectionLeases>.Instance);
        return new TelegramPolling(Bot, Handler, Chats, connection, leases, _options, TimeProvider.System, NullLogger<TelegramPolling>.Instance);
    }

    public TelegramBotApiPeer Peer { get; }
    public ITelegramBotClient Bot { get; }
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero));
    public RecordingInboundSink Sink { get; } = new();
    public ITelegramChatStore Chats { get; }
    public TelegramAdapter Adapter { get; }
    public TelegramUpdateHandler Handler { get; }
    public TelegramPolling Polling { get; }

    /// <summary>What the poller reports to the dashboard.</summary>
    public ConnectionStatus Connection { get; } = new(ChannelNames.Telegram, "Bot API long polling");

    public static async Task<TelegramChannelHarness> StartAsync() => new(await TelegramBotApiPeer.StartAsync());

    public async ValueTask DisposeAsync()
    {
        Polling.Dispose();
        _storage.Dispose();
        await Peer.DisposeAsync();
    }
}
