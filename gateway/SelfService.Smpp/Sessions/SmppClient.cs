using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace SelfService.Smpp;

/// <summary>The ESME side of SMPP v3.4: keeps one account bound to an SMSC, submits messages through a window, and hands
/// what the SMSC delivers to an <see cref="ISmppInboundHandler"/>.</summary>
/// <remarks>
/// <para><see cref="StartAsync"/> returns at once; a background loop connects, binds, and reconnects after a drop, an unbind
/// from the SMSC, a dead link (enquire_link unanswered) or a refused bind, with exponential, jittered delays.</para>
/// <para>Submits wait for the bind, a window slot and the rate limit. Throttled (0x58) and MessageQueueFull (0x14) answers
/// are retried after a backoff with the same PDU: the SMSC refused it, so no duplicate can come of it. Nothing else is
/// retried here, except a PDU that provably never left this process when its connection went down. What the caller gets
/// otherwise is typed: <see cref="SmppCommandException"/> (the SMSC said no), <see cref="SmppConnectionException"/> and
/// <see cref="SmppResponseTimeoutException"/> (their WrittenToSocket says whether the PDU may have gone).</para>
/// </remarks>
public sealed class SmppClient : IAsyncDisposable
{
    private readonly SmppClientOptions _options;
    private readonly ISmppInboundHandler _handler;
    private readonly TimeProvider _time;
    private readonly ILogger<SmppClient> _logger;
    private readonly ISmppProtocolLogger? _wire;
    private readonly SmppConnectionSettings _settings;
    private readonly SubmitRateLimiter _rate;
    private readonly PduCodec _codec;
    private readonly MessageSplitter _splitter = new();
    private readonly ConnectionOwner _owner;
    private readonly Lock _lock = new();
    private TaskCompletionSource<SmppConnection> _transmitter = NewTransmitterSource();
    private SmppConnection? _currentTransmitter;
    private List<SmppConnection> _connections = [];
    private SmppSessionState _state = SmppSessionState.Disconnected;
    private CancellationTokenSource? _stop;
    private Task _run = Task.CompletedTask;
    private Task? _stopped;
    private int _disposed;
    private volatile bool _started;
    private volatile bool _stopping;
    private int _connectionCount;
    private int _inboundInFlight;
    private bool _inboundWindowFullLogged;
    private TaskCompletionSource? _inboundIdle;

    /// <param name="mayTransmit">
    /// Optional: asked before connecting and right before each submit_sm or data_sm is written; once it says no, nothing
    /// more is submitted (the connection closes, the request fails as not written) and no new connection is made. For a
    /// bind held under a lease: an ESME resumed after a pause past its lease sends nothing on a bind that is another's now.
    /// </param>
    public SmppClient(SmppClientOptions options, ISmppInboundHandler handler, TimeProvider time, ILogger<SmppClient> logger, ISmppProtocolLogger? protocolLogger = null,
        Func<bool>? mayTransmit = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();
        _options = options;
        _handler = handler;
        _time = time;
        _logger = logger;
        _wire = protocolLogger;
        _settings = new SmppConnectionSettings(options.WindowSize, options.ResponseTimeout, options.EnquireLinkInterval, options.MaxPduLength, mayTransmit);
        _rate = new SubmitRateLimiter(options.MaxSubmitsPerSecond, time);
        _codec = new PduCodec(options.MaxPduLength);
        _owner = new ConnectionOwner(this);
    }

    public SmppSessionState State
    {
        get { lock (_lock) return _state; }
    }

    /// <summary>Raised on every state change, on the thread that made it; keep handlers short.</summary>
    public event EventHandler<SmppSessionStateChangedEventArgs>? StateChanged;

    /// <summary>Requests sent and not yet answered, over all connections.</summary>
    public int OutstandingRequests
    {
        get
        {
            lock (_lock) return _connections.Sum(c => c.Window.Count);
        }
    }

    /// <summary>Starts connecting and binding in the background; returns at once. See <see cref="WaitUntilBoundAsync"/>.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_started) throw new InvalidOperationException("The client was already started");
            _started = true;
            _stop = new CancellationTokenSource();
        }
        var stop = _stop.Token;
        _run = Task.Run(() => RunAsync(stop), CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Completes once the session is bound (at once if it is).</summary>
    public Task WaitUntilBoundAsync(CancellationToken cancellationToken)
    {
        lock (_lock) return _transmitter.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Stops: new submits fail, outstanding requests and inbound handlers get up to the response timeout to finish,
    /// then each connection unbinds (section 4.2) and closes.</summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_lock) return _stopped ??= StopCoreAsync(cancellationToken);
    }

    private async Task StopCoreAsync(CancellationToken cancellationToken)
    {
        List<SmppConnection> connections;
        lock (_lock)
        {
            _stopping = true;
            connections = [.. _connections];
            _transmitter.TrySetException(new SmppConnectionException("The SMPP client is stopping", writtenToSocket: false));
            _ = _transmitter.Task.Exception; // observed: waiters get it, nobody else needs to
        }
        if (connections.Count > 0)
        {
            SetState(SmppSessionState.Unbinding, "stopping");
            using var drainTimeout = new CancellationTokenSource(_options.ResponseTimeout, _time);
            using var drain = CancellationTokenSource.CreateLinkedTokenSource(drainTimeout.Token, cancellationToken);
            try
            {
                await Task.WhenAll(connections.Select(c => c.Window.WhenEmptyAsync()).Append(WhenInboundIdleAsync())).WaitAsync(drain.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Waited long enough: unbind anyway, what is still outstanding fails as a connection error.
            }
            await Task.WhenAll(connections.Select(UnbindAsync)).ConfigureAwait(false);
        }
        if (_stop is { } stop)
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await _run.ConfigureAwait(false);
        }
        SetState(SmppSessionState.Stopped, "stopped");
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        if (Interlocked.Exchange(ref _disposed, 1) == 0) _stop?.Dispose();
    }

    /// <summary>Submits a message and returns the SMSC's answer (its message_id).</summary>
    /// <remarks>The token cancels waiting for the bind, a window slot, the rate limit or a throttling backoff. Once the PDU
    /// is queued for the socket the outcome is awaited regardless (at most the response timeout), so that "cancelled"
    /// never hides "sent".</remarks>
    /// <exception cref="SmppInvalidPduException">A field breaks the spec; nothing was sent.</exception>
    /// <exception cref="SmppCommandException">The SMSC refused it (also after <see cref="SmppClientOptions.MaxThrottledRetries"/> throttled tries).</exception>
    /// <exception cref="SmppConnectionException">Not bound in time, stopped, or the connection broke; see WrittenToSocket.</exception>
    /// <exception cref="SmppResponseTimeoutException">No answer in time; see WrittenToSocket.</exception>
    /// <exception cref="SmppProtocolException">The answer was malformed; the SMSC got the PDU.</exception>
    public async Task<SubmitSmResp> SubmitAsync(SubmitSm pdu, CancellationToken cancellationToken) =>
        (SubmitSmResp)await SendWithRetryAsync(pdu, cancellationToken).ConfigureAwait(false);

    /// <summary>Sends a data_sm (e.g. a USSD answer on SMSCs that want data_sm) with the same rules as <see cref="SubmitAsync"/>.</summary>
    public async Task<DataSmResp> SubmitDataAsync(DataSm pdu, CancellationToken cancellationToken) =>
        (DataSmResp)await SendWithRetryAsync(pdu, cancellationToken).ConfigureAwait(false);

    /// <summary>Asks the SMSC for the state of a submitted message.</summary>
    public async Task<QuerySmResp> QueryAsync(QuerySm pdu, CancellationToken cancellationToken) =>
        (QuerySmResp)await SendWithRetryAsync(pdu, cancellationToken).ConfigureAwait(false);

    /// <summary>Splits <paramref name="text"/> (default splitter: UDH with an 8-bit reference, GSM 7-bit or UCS-2) and submits
    /// every part in order, each built from <paramref name="template"/>; stops at the first failure.</summary>
    /// <exception cref="SmppPartialSubmitException">A part failed after at least one went; it lists what went.</exception>
    public Task<IReadOnlyList<SubmitSmResp>> SubmitTextAsync(SubmitSm template, string text, CancellationToken cancellationToken) =>
        SubmitTextAsync(template, text, _splitter, cancellationToken);

    /// <inheritdoc cref="SubmitTextAsync(SubmitSm, string, CancellationToken)"/>
    public async Task<IReadOnlyList<SubmitSmResp>> SubmitTextAsync(SubmitSm template, string text, MessageSplitter splitter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(splitter);
        var split = splitter.Split(text);
        var submitted = new List<SubmitSmResp>(split.Parts.Count);
        foreach (var part in split.Parts)
        {
            try
            {
                submitted.Add(await SubmitAsync(part.ApplyTo(template), cancellationToken).ConfigureAwait(false));
            }
            catch (Exception ex) when (submitted.Count > 0 && ex is SmppException or OperationCanceledException)
            {
                throw new SmppPartialSubmitException(submitted, part.Number, split.Parts.Count, ex);
            }
        }
        return submitted;
    }

    private async Task<Pdu> SendWithRetryAsync(Pdu pdu, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pdu);
        _codec.GetEncodedLength(pdu);
        long started = _time.GetTimestamp();
        string outcome = "ok";
        try
        {
            return await SendWithRetryCoreAsync(pdu, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            outcome = ex switch
            {
                SmppCommandException { IsTransient: true } => "throttled",
                SmppCommandException => "refused",
                SmppResponseTimeoutException => "timeout",
                SmppConnectionException => "connection",
                OperationCanceledException => "cancelled",
                _ => "error",
            };
            throw;
        }
        finally
        {
            SmppMetrics.SubmitDuration.Record(_time.GetElapsedTime(started).TotalSeconds, SmppMetrics.Outcome(outcome));
        }
    }

    private async Task<Pdu> SendWithRetryCoreAsync(Pdu pdu, CancellationToken cancellationToken)
    {
        var expected = pdu.CommandId.ToResponse();
        bool rateLimited = pdu is SubmitSm or DataSm;
        int throttled = 0;
        var backoff = _options.ThrottledBackoff;
        while (true)
        {
            var connection = await WaitForTransmitterAsync(cancellationToken).ConfigureAwait(false);
            if (rateLimited) await _rate.WaitAsync(cancellationToken).ConfigureAwait(false);
            Pdu response;
            try
            {
                response = await connection.SendRequestAsync(pdu, useSlot: true, cancellationToken).ConfigureAwait(false);
            }
            catch (SmppConnectionException ex) when (!ex.WrittenToSocket && !_stopping)
            {
                // It never left this process: safe to send on the next bind.
                Unpublish(connection);
                continue;
            }

            var status = response.CommandStatus;
            if (status == CommandStatus.Ok && response.CommandId == expected) return response;
            if (status is CommandStatus.Throttled or CommandStatus.MessageQueueFull)
            {
                if (throttled >= _options.MaxThrottledRetries) throw new SmppCommandException(status, response.CommandId);
                throttled++;
                Log.Throttled(_logger, connection.Name, pdu.CommandId, response.SequenceNumber, status, throttled, backoff);
                await Task.Delay(backoff, _time, cancellationToken).ConfigureAwait(false);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _options.ThrottledBackoffMax.Ticks));
                continue;
            }
            if (status == CommandStatus.Ok) throw new SmppProtocolException($"{pdu.CommandId} was answered with {response.CommandId}");
            throw new SmppCommandException(status, response.CommandId);
        }
    }

    private async Task<SmppConnection> WaitForTransmitterAsync(CancellationToken cancellationToken)
    {
        if (!_started) throw new SmppConnectionException("The SMPP client is not started", writtenToSocket: false);
        if (_stopping) throw new SmppConnectionException("The SMPP client is stopping", writtenToSocket: false);
        Task<SmppConnection> bound;
        lock (_lock) bound = _transmitter.Task;
        if (bound.IsCompletedSuccessfully) return await bound.ConfigureAwait(false);
        try
        {
            return await bound.WaitAsync(_options.BindWaitTimeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            throw new SmppConnectionException($"Not bound to {_options.Host}:{_options.Port} within {_options.BindWaitTimeout}", writtenToSocket: false, ex);
        }
    }

    private async Task RunAsync(CancellationToken stop)
    {
        int failures = 0;
        while (!stop.IsCancellationRequested && !_stopping && _settings.MayTransmit?.Invoke() != false)
        {
            var opened = new List<SmppConnection>(2);
            string reason;
            Exception? error = null;
            try
            {
                SetState(SmppSessionState.Connecting, null);
                if (_options.BindMode == SmppBindMode.Transceiver)
                {
                    opened.Add(await OpenAsync(SmppBindType.Transceiver, stop).ConfigureAwait(false));
                }
                else
                {
                    opened.Add(await OpenAsync(SmppBindType.Transmitter, stop).ConfigureAwait(false));
                    opened.Add(await OpenAsync(SmppBindType.Receiver, stop).ConfigureAwait(false));
                }
                failures = 0;
                Publish(opened);
                SetState(SmppSessionState.Bound, null);
                await Task.WhenAny(opened.Select(c => c.Completion)).WaitAsync(stop).ConfigureAwait(false);
                var ended = opened.First(c => c.IsClosed);
                reason = $"{ended.Name}: {ended.CloseReason}";
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                reason = "stopped";
            }
            catch (Exception ex)
            {
                // The edge of a background loop: whatever went wrong, count it and try again later.
                failures++;
                error = ex;
                reason = ex.Message;
            }
            finally
            {
                Unpublish(null);
                foreach (var connection in opened) await connection.DisposeAsync().ConfigureAwait(false);
            }

            if (stop.IsCancellationRequested || _stopping) break;
            var delay = ReconnectDelay(failures);
            if (error is not null) Log.ConnectFailed(_logger, error, _options.Host, _options.Port, delay);
            SetState(SmppSessionState.Disconnected, reason);
            try
            {
                await Task.Delay(delay, _time, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private async Task<SmppConnection> OpenAsync(SmppBindType type, CancellationToken stop)
    {
        var name = $"{_options.SystemId}#{Interlocked.Increment(ref _connectionCount)}/{type}";
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var timeout = new CancellationTokenSource(_options.ResponseTimeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop, timeout.Token);
            try
            {
                await socket.ConnectAsync(_options.Host, _options.Port, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (!stop.IsCancellationRequested)
            {
                throw new SmppConnectionException($"Connecting to {_options.Host}:{_options.Port} timed out", writtenToSocket: false, ex);
            }
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var connection = new SmppConnection(socket, name, _settings, _owner, _time, _logger, _wire);
        connection.Start();
        SetState(SmppSessionState.Binding, null);
        BindRequest bind = type switch
        {
            SmppBindType.Transmitter => new BindTransmitter(),
            SmppBindType.Receiver => new BindReceiver(),
            _ => new BindTransceiver(),
        };
        bind = bind with
        {
            SystemId = _options.SystemId,
            Password = _options.Password,
            SystemType = _options.SystemType,
            AddrTon = _options.AddressTon,
            AddrNpi = _options.AddressNpi,
            AddressRange = _options.AddressRange,
        };
        try
        {
            var response = await connection.SendRequestAsync(bind, useSlot: false, CancellationToken.None).WaitAsync(stop).ConfigureAwait(false);
            if (response.CommandStatus != CommandStatus.Ok || response is not BindResponse bound)
            {
                Log.BindRefused(_logger, name, response.CommandStatus);
                SmppMetrics.Binds.Add(1, SmppMetrics.Outcome("refused"));
                throw new SmppCommandException(response.CommandStatus, response.CommandId, $"Bind as {type} refused: {response.CommandStatus}");
            }
            Log.Bound(_logger, name, type.ToString(), bound.SystemId);
            SmppMetrics.Binds.Add(1, SmppMetrics.Outcome("ok"));
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task UnbindAsync(SmppConnection connection)
    {
        try
        {
            await connection.SendRequestAsync(new Unbind(), useSlot: false, CancellationToken.None).ConfigureAwait(false);
        }
        catch (SmppException)
        {
            // No answer or already gone: closing is all that is left.
        }
        connection.Close("unbound");
    }

    private TimeSpan ReconnectDelay(int failures)
    {
        // Exponential from the minimum, capped, then "equal jitter": somewhere between half and all of it.
        double factor = Math.Pow(2, Math.Min(Math.Max(failures, 1) - 1, 30));
        double ceiling = Math.Min(_options.ReconnectMinDelay.Ticks * factor, _options.ReconnectMaxDelay.Ticks);
        return TimeSpan.FromTicks((long)(ceiling * (0.5 + Random.Shared.NextDouble() * 0.5)));
    }

    private void Publish(List<SmppConnection> connections)
    {
        lock (_lock)
        {
            if (_stopping) return;
            _connections = connections;
            _currentTransmitter = connections[0];
            if (_transmitter.Task.IsCompleted) _transmitter = NewTransmitterSource();
            _transmitter.TrySetResult(connections[0]);
        }
    }

    private void Unpublish(SmppConnection? connection)
    {
        lock (_lock)
        {
            if (connection is not null && !ReferenceEquals(connection, _currentTransmitter)) return;
            if (connection is null) _connections = [];
            _currentTransmitter = null;
            if (_transmitter.Task.IsCompletedSuccessfully) _transmitter = NewTransmitterSource();
        }
    }

    private static TaskCompletionSource<SmppConnection> NewTransmitterSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void SetState(SmppSessionState state, string? reason)
    {
        SmppSessionState previous;
        lock (_lock)
        {
            previous = _state;
            if (previous == state || previous == SmppSessionState.Stopped) return;
            if (_stopping && state is not (SmppSessionState.Unbinding or SmppSessionState.Stopped)) return;
            _state = state;
        }
        Log.StateChanged(_logger, state, reason);
        try
        {
            StateChanged?.Invoke(this, new SmppSessionStateChangedEventArgs(previous, state, reason));
        }
        catch (Exception ex)
        {
            Log.Unexpected(_logger, ex, _options.SystemId, "a StateChanged handler");
        }
    }

    private Task WhenInboundIdleAsync()
    {
        lock (_lock)
        {
            if (_inboundInFlight == 0) return Task.CompletedTask;
            _inboundIdle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _inboundIdle.Task;
        }
    }

    /// <summary>Takes a place in the inbound window; false when it is full (the message is refused, to come again).</summary>
    private bool TryEnterInbound(SmppConnection connection)
    {
        int handling;
        bool firstRefusal;
        lock (_lock)
        {
            handling = _inboundInFlight;
            if (handling < _options.InboundWindow)
            {
                _inboundInFlight++;
                _inboundWindowFullLogged = false;
                return true;
            }
            // Logged once per spell of a full window, not once per refused message.
            firstRefusal = !_inboundWindowFullLogged;
            _inboundWindowFullLogged = true;
        }
        if (firstRefusal) Log.InboundWindowFull(_logger, connection.Name, handling);
        SmppMetrics.InboundRefused.Add(1);
        return false;
    }

    private void ExitInbound()
    {
        TaskCompletionSource? idle = null;
        lock (_lock)
        {
            if (--_inboundInFlight == 0)
            {
                idle = _inboundIdle;
                _inboundIdle = null;
            }
        }
        idle?.TrySetResult();
    }

    /// <summary>
    /// Hands a deliver_sm or data_sm to the application and answers with the status it returns. A handler that throws
    /// is answered with ESME_RSYSERR, which SMSCs treat as "deliver again later", and logged: the session goes on. With the
    /// inbound window full it is answered ESME_RX_T_APPN at once, unhandled.
    /// </summary>
    private async Task HandleMessageAsync<TRequest>(
        SmppConnection connection, TRequest pdu, Func<TRequest, CancellationToken, ValueTask<CommandStatus>> handle, Func<CommandStatus, Pdu> respond)
        where TRequest : Pdu
    {
        if (!TryEnterInbound(connection))
        {
            connection.Send(respond(CommandStatus.ReceiverTemporaryAppError));
            return;
        }
        try
        {
            CommandStatus status;
            try
            {
                status = await handle(pdu, connection.Closing).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                Log.HandlerFailed(_logger, ex, connection.Name, pdu.CommandId, pdu.SequenceNumber);
                status = CommandStatus.SystemError;
            }
            connection.Send(respond(status));
        }
        finally
        {
            ExitInbound();
        }
    }

    private async Task HandleAlertAsync(SmppConnection connection, AlertNotification pdu)
    {
        try
        {
            await _handler.OnAlertNotificationAsync(pdu, connection.Closing).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Log.HandlerFailed(_logger, ex, connection.Name, pdu.CommandId, pdu.SequenceNumber);
        }
    }

    private sealed class ConnectionOwner(SmppClient client) : ISmppConnectionOwner
    {
        public void OnRequest(SmppConnection connection, Pdu request)
        {
            bool receives = connection.BoundAs is SmppBindType.Receiver or SmppBindType.Transceiver;
            switch (request)
            {
                case EnquireLink or Unbind:
                    break;
                case DeliverSm deliver when receives:
                    _ = client.HandleMessageAsync(connection, deliver, client._handler.OnDeliverAsync,
                        status => new DeliverSmResp { SequenceNumber = deliver.SequenceNumber, CommandStatus = status });
                    break;
                case DataSm data when receives:
                    _ = client.HandleMessageAsync(connection, data, client._handler.OnDataSmAsync,
                        status => new DataSmResp { SequenceNumber = data.SequenceNumber, CommandStatus = status });
                    break;
                case AlertNotification alert:
                    _ = client.HandleAlertAsync(connection, alert);
                    break;
                default:
                    // Not something an SMSC may send on this bind (section 2.3): ESME_RINVBNDSTS.
                    connection.Send(Pdu.CreateErrorResponse(request.CommandId, request.SequenceNumber, CommandStatus.IncorrectBindStatus));
                    break;
            }
        }
    }
}
