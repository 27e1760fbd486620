using System.Net;

namespace SelfService.Smpp;

/// <summary>One ESME connection to an <see cref="SmppServer"/>.</summary>
public sealed class SmppServerSession
{
    private readonly SmppConnection _connection;
    private volatile string _systemId = string.Empty;
    private int _bindType = -1;

    internal SmppServerSession(SmppConnection connection) => _connection = connection;

    internal SmppConnection Connection => _connection;

    /// <summary>The connection's name in logs.</summary>
    public string Name => _connection.Name;

    public EndPoint? RemoteEndPoint => _connection.RemoteEndPoint;

    /// <summary>The system_id the ESME bound with (empty before the bind).</summary>
    public string SystemId => _systemId;

    /// <summary>What the session is bound as, or null before a successful bind.</summary>
    public SmppBindType? BindType => Volatile.Read(ref _bindType) is var t and >= 0 ? (SmppBindType)t : null;

    public bool IsBound => BindType is not null && !_connection.IsClosed;

    public bool IsClosed => _connection.IsClosed;

    /// <summary>True when deliver_sm may be sent (bound as receiver or transceiver).</summary>
    public bool CanReceive => IsBound && BindType is SmppBindType.Receiver or SmppBindType.Transceiver;

    /// <summary>Requests sent to the ESME and not yet answered.</summary>
    public int OutstandingRequests => _connection.Window.Count;

    /// <summary>Completes when the connection is closed.</summary>
    public Task Completion => _connection.Completion;

    /// <summary>Sends a deliver_sm and returns the ESME's deliver_sm_resp, whatever its status.</summary>
    /// <exception cref="SmppConnectionException">Not bound as a receiver, or the connection broke.</exception>
    /// <exception cref="SmppCommandException">The ESME answered with a generic_nack.</exception>
    /// <exception cref="SmppResponseTimeoutException">No answer in time.</exception>
    public async Task<DeliverSmResp> DeliverAsync(DeliverSm pdu, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pdu);
        if (!CanReceive) throw new SmppConnectionException($"Session {Name} is not bound as a receiver", writtenToSocket: false);
        return Expect<DeliverSmResp>(await _connection.SendRequestAsync(pdu, useSlot: true, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Sends a data_sm and returns the ESME's data_sm_resp, whatever its status.</summary>
    public async Task<DataSmResp> SendDataAsync(DataSm pdu, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pdu);
        if (!IsBound) throw new SmppConnectionException($"Session {Name} is not bound", writtenToSocket: false);
        return Expect<DataSmResp>(await _connection.SendRequestAsync(pdu, useSlot: true, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Sends an alert_notification (it has no response).</summary>
    public void SendAlert(AlertNotification pdu) => _connection.Send(pdu);

    /// <summary>Sends enquire_link and waits for the answer.</summary>
    public async Task EnquireLinkAsync(CancellationToken cancellationToken) =>
        Expect<EnquireLinkResp>(await _connection.SendRequestAsync(new EnquireLink(), useSlot: false, cancellationToken).ConfigureAwait(false));

    /// <summary>Unbinds the ESME (section 4.2), then closes the connection.</summary>
    public async Task UnbindAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _connection.SendRequestAsync(new Unbind(), useSlot: false, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _connection.Close("unbound by the server");
        }
    }

    /// <summary>Writes raw octets to the ESME, to test how it copes with garbage.</summary>
    public void SendRaw(ReadOnlyMemory<byte> bytes) => _connection.SendRaw(bytes);

    /// <summary>Closes the connection at once, without unbind.</summary>
    public void Close() => _connection.Close("closed by the server");

    internal void Bind(SmppBindType type, string systemId)
    {
        _systemId = systemId;
        _connection.BoundAs = type;
        Volatile.Write(ref _bindType, (int)type);
    }

    private static T Expect<T>(Pdu response) where T : Pdu => response switch
    {
        T expected => expected,
        _ => throw new SmppCommandException(response.CommandStatus, response.CommandId),
    };

    public override string ToString() => $"{Name} {SystemId} {BindType}";
}
