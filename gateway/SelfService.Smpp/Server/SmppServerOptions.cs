using System.Net;

namespace SelfService.Smpp;

/// <summary>Settings of an <see cref="SmppServer"/>.</summary>
public sealed class SmppServerOptions
{
    /// <summary>Where to listen: 127.0.0.1 on a free port by default (read <see cref="SmppServer.LocalEndPoint"/>).</summary>
    public IPEndPoint EndPoint { get; set; } = new(IPAddress.Loopback, 0);

    /// <summary>The system_id sent in bind responses.</summary>
    public string SystemId { get; set; } = "SMSC";

    /// <summary>Requests (deliver_sm, data_sm) the server keeps outstanding per session.</summary>
    public int WindowSize { get; set; } = 10;

    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Send enquire_link after this long without traffic from the ESME; zero (the default) leaves it to the ESME.</summary>
    public TimeSpan EnquireLinkInterval { get; set; } = TimeSpan.Zero;

    public int MaxPduLength { get; set; } = PduCodec.DefaultMaxPduLength;

    /// <summary>The TCP accept backlog.</summary>
    public int Backlog { get; set; } = 512;
}
