namespace SelfService.Channels.Connections;

/// <summary>
/// A connection a channel keeps open (an SMPP bind, an IMAP session, Telegram's long poll): the operator's
/// dashboard and /metrics show whether it is up. Adapters register one per connection.
/// </summary>
public interface IChannelConnection
{
    string Channel { get; }

    /// <summary>Which connection, for people: "SMPP 10.0.0.5:2775 transceiver".</summary>
    string Name { get; }

    ConnectionState State { get; }
}

public enum ConnectionState { Down, Connecting, Up }
