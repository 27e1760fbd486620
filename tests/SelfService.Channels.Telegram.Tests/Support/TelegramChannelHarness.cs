using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SelfService.Channels.Connections;
using SelfService.Channels.Telegram.Inbound;
using SelfService.Messaging;
using SelfService.Storage.Channels;
using SelfService.Storage.LiteDb;
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
        var options = Options.Create(new TelegramOptions
        {
            Enabled = true, Token = peer.Token, ApiBaseUrl = peer.BaseUrl.ToString(), PollingTimeout = TimeSpan.FromSeconds(2),
            ReconnectMinDelay = TimeSpan.FromMilliseconds(50), ReconnectMaxDelay = TimeSpan.FromMilliseconds(200),
        });
        Bot = new TelegramBotClient(new TelegramBotClientOptions(peer.Token, peer.BaseUrl.ToString()) { RetryCount = 0 });
        Chats = _storage.TelegramChats;
        Adapter = new TelegramAdapter(Bot, Chats, options, Time, NullLogger<TelegramAdapter>.Instance);
        Handler = new TelegramUpdateHandler(new TelegramUpdateMapper(new BotCommandMapper(SampleCatalogue.Load())), Sink, Chats, Adapter, Bot,
            options, Time, NullLogger<TelegramUpdateHandler>.Instance);
        Polling = new TelegramPolling(Bot, Handler, Chats, Connection, options, TimeProvider.System, NullLogger<TelegramPolling>.Instance);
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
