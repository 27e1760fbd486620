using SelfService.Channels.Connections;
using SelfService.Smpp;

namespace SelfService.Channels.Smpp;

/// <summary>
/// An SMPP bind (SMS or USSD) as the dashboard sees it. A bind held under a lease has a new client each time it is taken,
/// so it is read through <c>client</c>; on <c>standby</c> another instance holds it.
/// </summary>
public sealed class SmppBindConnection(string channel, string name, Func<SmppClient> client, Func<bool> standby) : IChannelConnection
{
    public SmppBindConnection(string channel, string name, SmppClient client) : this(channel, name, () => client, static () => false)
    {
    }

    public string Channel => channel;

    public string Name => name;

    public ConnectionState State => standby() ? ConnectionState.Standby : client().State switch
    {
        SmppSessionState.Bound => ConnectionState.Up,
        SmppSessionState.Connecting or SmppSessionState.Binding => ConnectionState.Connecting,
        _ => ConnectionState.Down,
    };
}
