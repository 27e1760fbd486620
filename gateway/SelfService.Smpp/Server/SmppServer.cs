using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SelfService.Smpp;

/// <summary>The SMSC side of SMPP v3.4, for tests, simulators and benchmarks: listens (127.0.0.1, a free port by default),
/// accepts binds through an <see cref="ISmppServerHandler"/>, answers submits, and delivers to bound receivers.</summary>
/// <remarks>It uses the same codec and connection engine as <see cref="SmppClient"/>: windowed, pipelined, Nagle off.</remarks>
public sealed class SmppServer : IAsyncDisposable
{
    private readonly ISmppServerHandler _handler;
    private readonly SmppServerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ISmppProtocolLogger? _wire;
    private readonly SmppConnectionSettings _settings;
    private readonly ConcurrentDictionary<SmppServerSession, byte> _sessions = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly ConnectionOwner _owner;
    private Socket? _listener;
    private Task _accept = Task.CompletedTask;
    private int _sessionCount;
    private int _roundRobin;

    public SmppServer(ISmppServerHandler handler, SmppServerOptions? options = null, TimeProvider? time = null, ILogger<SmppServer>? logger = null, ISmppProtocolLogger? protocolLogger = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _handler = handler;
        _options = options ?? new SmppServerOptions();
        _time = time ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _wire = protocolLogger;
        _settings = new SmppConnectionSettings(_options.WindowSize, _options.ResponseTimeout, _options.EnquireLinkInterval, _options.MaxPduLength);
        _owner = new ConnectionOwner(this);
    }

    /// <summary>The address the server listens on, with the real port once started.</summary>
    public IPEndPoint LocalEndPoint => (IPEndPoint?)_listener?.LocalEndPoint ?? throw new InvalidOperationException("The server is not started");

    public int Port => LocalEndPoint.Port;

    /// <summary>The open sessions, bound or not.</summary>
    public IReadOnlyList<SmppServerSession> Sessions => _sessions.Keys.Where(s => !s.IsClosed).ToList();

    /// <summary>The bound sessions.</summary>
    public IReadOnlyList<SmppServerSession> BoundSessions => _sessions.Keys.Where(s => s.IsBound).ToList();

    /// <summary>Starts listening and accepting.</summary>
    public void Start()
    {
        if (_listener is not null) throw new InvalidOperationException("The server was already started");
        var listener = new Socket(_options.EndPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(_options.EndPoint);
            listener.Listen(_options.Backlog);
        }
        catch
        {
            listener.Dispose();
            throw;
        }
        _listener = listener;
        Log.Listening(_logger, listener.LocalEndPoint?.ToString() ?? "?");
        _accept = AcceptLoopAsync(listener);
    }

    /// <summary>Delivers to a bound receiver or transceiver session (round robin over them) and returns its deliver_sm_resp.</summary>
    /// <exception cref="SmppConnectionException">No session can receive.</exception>
    public Task<DeliverSmResp> DeliverAsync(DeliverSm pdu, CancellationToken cancellationToken) => PickReceiver().DeliverAsync(pdu, cancellationToken);

    /// <summary>Sends a data_sm to a bound receiver or transceiver session and returns its data_sm_resp.</summary>
    public Task<DataSmResp> SendDataAsync(DataSm pdu, CancellationToken cancellationToken) => PickReceiver().SendDataAsync(pdu, cancellationToken);

    /// <summary>Cuts every connection at once, as a network failure would.</summary>
    public void DropAllConnections()
    {
        foreach (var session in _sessions.Keys) session.Connection.Close("dropped by the server");
    }

    /// <summary>Unbinds every bound session.</summary>
    public Task UnbindAllAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(BoundSessions.Select(async s =>
        {
            try
            {
                await s.UnbindAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (SmppException)
            {
                // The session went meanwhile.
            }
        }));

    /// <summary>Stops listening and closes every connection.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener?.Dispose();
        await _accept.ConfigureAwait(false);
        foreach (var session in _sessions.Keys) await session.Connection.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private SmppServerSession PickReceiver()
    {
        var receivers = _sessions.Keys.Where(s => s.CanReceive).ToArray();
        if (receivers.Length == 0) throw new SmppConnectionException("No ESME is bound as a receiver", writtenToSocket: false);
        return receivers[(int)((uint)Interlocked.Increment(ref _roundRobin) % (uint)receivers.Length)];
    }

    private async Task AcceptLoopAsync(Socket listener)
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (_stop.IsCancellationRequested) return;
                continue;
            }
            var connection = new SmppConnection(socket, $"smsc#{Interlocked.Increment(ref _sessionCount)}", _settings, _owner, _time, _logger, _wire);
            var session = new SmppServerSession(connection);
            connection.Tag = session;
            _sessions.TryAdd(session, 0);
            _ = connection.Completion.ContinueWith(_ => OnClosed(session), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            connection.Start();
        }
    }

    private void OnClosed(SmppServerSession session)
    {
        _sessions.TryRemove(session, out _);
        try
        {
            _handler.OnClosed(session);
        }
        catch (Exception ex)
        {
            Log.Unexpected(_logger, ex, session.Name, "OnClosed");
        }
    }

    private async Task BindAsync(SmppServerSession session, BindRequest bind)
    {
        var connection = session.Connection;
        var type = bind switch
        {
            BindTransmitter => SmppBindType.Transmitter,
            BindReceiver => SmppBindType.Receiver,
            _ => SmppBindType.Transceiver,
        };
        CommandStatus status;
        if (session.BindType is not null) status = CommandStatus.AlreadyBound;
        else
        {
            try
            {
                status = await _handler.OnBindAsync(session, bind, connection.Closing).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                Log.HandlerFailed(_logger, ex, connection.Name, bind.CommandId, bind.SequenceNumber);
                status = CommandStatus.BindFailed;
            }
        }
        if (status == CommandStatus.Ok) session.Bind(type, bind.SystemId);
        var response = Pdu.CreateErrorResponse(bind.CommandId, bind.SequenceNumber, status);
        if (status == CommandStatus.Ok && response is BindResponse ok)
            response = ok with { SystemId = _options.SystemId, Tlvs = [Tlv.FromByte(TlvTag.ScInterfaceVersion, BindRequest.SmppVersion34)] };
        connection.Send(response);
    }

    /// <summary>
    /// Asks the handler for the response to a request and sends it. A handler that throws is answered with
    /// ESME_RSYSERR (the ESME may retry later) and logged: the session goes on.
    /// </summary>
    private async Task RespondAsync<TRequest, TResponse>(
        SmppServerSession session, TRequest request, Func<SmppServerSession, TRequest, CancellationToken, ValueTask<TResponse>> handle)
        where TRequest : Pdu
        where TResponse : Pdu, new()
    {
        var connection = session.Connection;
        TResponse response;
        try
        {
            response = await handle(session, request, connection.Closing).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Log.HandlerFailed(_logger, ex, connection.Name, request.CommandId, request.SequenceNumber);
            response = new TResponse { CommandStatus = CommandStatus.SystemError };
        }
        SendChecked(connection, response with { SequenceNumber = request.SequenceNumber }, request);
    }

    private void SendChecked(SmppConnection connection, Pdu response, Pdu request)
    {
        try
        {
            connection.Send(response);
        }
        catch (SmppInvalidPduException ex)
        {
            Log.HandlerFailed(_logger, ex, connection.Name, request.CommandId, request.SequenceNumber);
            connection.Send(Pdu.CreateErrorResponse(request.CommandId, request.SequenceNumber, CommandStatus.SystemError));
        }
    }

    private void Notify(SmppServerSession session, Action<SmppServerSession> notification)
    {
        try
        {
            notification(session);
        }
        catch (Exception ex)
        {
            Log.Unexpected(_logger, ex, session.Name, "a server handler notification");
        }
    }

    private sealed class ConnectionOwner(SmppServer server) : ISmppConnectionOwner
    {
        public void OnRequest(SmppConnection connection, Pdu request)
        {
            var session = (SmppServerSession)connection.Tag!;
            var bound = session.BindType;
            switch (request)
            {
                case BindRequest bind:
                    _ = server.BindAsync(session, bind);
                    break;
                case EnquireLink:
                    server.Notify(session, server._handler.OnEnquireLink);
                    break;
                case Unbind:
                    server.Notify(session, server._handler.OnUnbind);
                    break;
                case SubmitSm submit when bound is SmppBindType.Transmitter or SmppBindType.Transceiver:
                    _ = server.RespondAsync(session, submit, server._handler.OnSubmitAsync);
                    break;
                case DataSm data when bound is not null:
                    _ = server.RespondAsync(session, data, server._handler.OnDataSmAsync);
                    break;
                case QuerySm query when bound is SmppBindType.Transmitter or SmppBindType.Transceiver:
                    _ = server.RespondAsync(session, query, server._handler.OnQueryAsync);
                    break;
                default:
                    // Not allowed before the bind, or on this bind (section 2.3): ESME_RINVBNDSTS.
                    connection.Send(Pdu.CreateErrorResponse(request.CommandId, request.SequenceNumber, CommandStatus.IncorrectBindStatus));
                    break;
            }
        }
    }
}
