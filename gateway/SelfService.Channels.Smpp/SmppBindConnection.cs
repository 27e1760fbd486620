using SelfService.Channels.Connections;
using SelfService.Smpp;

namespace SelfService.Channels.Smpp;

/// <summary>An SMPP bind (SMS or USSD) as the dashboard sees it.</summary>
public sealed class SmppBindConnection(string channel, string name, SmppClient client) : IChannelConnection
{
    public string Channel => channel;

    public string Name => name;

    public ConnectionState State => client.State switch
    {
        SmppSessionState.Bound => ConnectionState.Up,
        SmppSessionState.Connecting or SmppSessionState.Binding => ConnectionState.Connecting,
        _ => ConnectionState.Down,
    };
}
