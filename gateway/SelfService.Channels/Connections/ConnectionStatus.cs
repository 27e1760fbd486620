namespace SelfService.Channels.Connections;

/// <summary>A connection whose owner (a watcher, a poller) reports its state as it changes.</summary>
public sealed class ConnectionStatus(string channel, string name) : IChannelConnection
{
    private volatile int _state = (int)ConnectionState.Connecting;

    public string Channel => channel;

    public string Name => name;

    public ConnectionState State => (ConnectionState)_state;

    public void Report(ConnectionState state) => _state = (int)state;
}
