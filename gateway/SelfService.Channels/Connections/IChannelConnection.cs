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

/// <summary>
/// Where a connection is. <see cref="Standby"/>: several gateways share a store and another instance holds this connection's
/// lease (only one may keep it open); this one takes it over if that one goes.
/// </summary>
public enum ConnectionState { Down, Connecting, Up, Standby }
