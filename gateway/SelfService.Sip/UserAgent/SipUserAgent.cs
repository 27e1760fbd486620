using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SelfService.Sip;

/// <summary>
/// A SIP user agent over UDP (RFC 3261): it answers calls (INVITE, ACK, CANCEL, BYE, INFO, OPTIONS) with server
/// transactions that absorb retransmissions, and places calls (<see cref="CallAsync"/>). Each incoming call whose
/// offer has PCMU or PCMA goes to the <see cref="ISipCallHandler"/>; the rest get 488.
/// </summary>
public sealed partial class SipUserAgent : IAsyncDisposable
{
    private readonly ISipCallHandler? handler;
    private readonly ILogger logger;
    private readonly ConcurrentDictionary<string, ServerTransaction> serverTransactions = new();
    private readonly ConcurrentDictionary<string, ClientTransaction> clientTransactions = new();
    private readonly ConcurrentDictionary<string, SipCall> calls = new();
    private readonly CancellationTokenSource stopping = new();
    private Socket? socket;
    private Task receiving = Task.CompletedTask;

    public SipUserAgent(SipUserAgentOptions options, ISipCallHandler? handler = null, TimeProvider? timeProvider = null, ILogger<SipUserAgent>? logger = null)
    {
        options.Validate();
        Options = options;
        this.handler = handler;
        TimeProvider = timeProvider ?? TimeProvider.System;
        this.logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    public SipUserAgentOptions Options { get; }

    /// <summary>The opt-in wire log; null logs nothing.</summary>
    public ISipProtocolLogger? ProtocolLogger { get; init; }

    /// <summary>The clock of the SIP timers (retransmissions, transaction lifetimes); RTP pacing always uses the monotonic clock.</summary>
    public TimeProvider TimeProvider { get; }

    public IPEndPoint LocalEndPoint => (IPEndPoint?)socket?.LocalEndPoint ?? throw new InvalidOperationException("not started");

    /// <summary>The calls ringing or up.</summary>
    public IReadOnlyCollection<SipCall> ActiveCalls => [.. calls.Values];

    private IPAddress AdvertisedAddress => Options.AdvertisedAddress ?? Options.LocalAddress;

    private string HostPort
    {
        get
        {
            var host = AdvertisedAddress.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{AdvertisedAddress}]" : AdvertisedAddress.ToString();
            return $"{host}:{LocalEndPoint.Port}";
        }
    }

    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (socket is not null) throw new InvalidOperationException("already started");
        socket = new Socket(Options.LocalAddress.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(Options.LocalAddress, Options.Port));
        receiving = Task.Run(() => ReceiveLoopAsync(stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[SipMessageParser.MaxMessageSize];
        EndPoint any = new IPEndPoint(socket!.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!cancellationToken.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, any, cancellationToken);
            }
            catch (OperationCanceledException) { return; }
            catch (ObjectDisposedException) { return; }
            catch (SocketException ex)
            {
                // A UDP socket reports a peer's ICMP error or an oversized datagram on the next read: the next read is fine.
                logger.LogDebug(ex, "SIP receive error {Error}", ex.SocketErrorCode);
                if (ex.SocketErrorCode is not (SocketError.ConnectionReset or SocketError.ConnectionRefused or SocketError.MessageSize))
                    logger.LogWarning(ex, "SIP receive error {Error}", ex.SocketErrorCode);
                continue;
            }

            var source = (IPEndPoint)received.RemoteEndPoint;
            try
            {
                await OnDatagramAsync(buffer.AsMemory(0, received.ReceivedBytes), source, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested) { return; }
            catch (Exception ex)
            {
                // The edge: one bad exchange must not stop the user agent for every other call.
                logger.LogError(ex, "SIP message from {Source} failed", source);
            }
        }
    }

    private async Task OnDatagramAsync(ReadOnlyMemory<byte> datagram, IPEndPoint source, CancellationToken cancellationToken)
    {
        if (SipMessageParser.IsKeepAlive(datagram.Span)) return;
        ProtocolLogger?.LogMessage(SipWireDirection.Received, source, datagram.Span);
        SipMessage message;
        try
        {
            message = SipMessageParser.Parse(datagram.Span);
        }
        catch (SipParseException ex)
        {
            logger.LogDebug("Malformed SIP from {Source}: {Reason}", source, ex.Message);   // counted in sip.messages.malformed; a flood must not flood the log
            SipMetrics.MalformedMessages.Add(1);
            await AnswerMalformedAsync(ex, source, cancellationToken);
            return;
        }
        if (message is SipRequest request) await OnRequestAsync(request, source, cancellationToken);
        else OnResponse((SipResponse)message);
    }

    /// <summary>400 (or 505) to a malformed request when it has what a response needs; silence otherwise, and never for an ACK.</summary>
    private async Task AnswerMalformedAsync(SipParseException error, IPEndPoint source, CancellationToken cancellationToken)
    {
        if (error.RequestMethod is null or SipMethods.Ack) return;
        var names = error.RequestHeaders.Select(h => h.Name).ToHashSet();
        if (!names.Contains(SipHeaderNames.Via) || !names.Contains(SipHeaderNames.CallId) || !names.Contains(SipHeaderNames.CSeq)) return;
        var response = new SipResponse(error.StatusCode, SipStatus.ReasonPhrase(error.StatusCode));
        foreach (var header in error.RequestHeaders) response.Headers.Add(header.Name, header.Value);
        response.Headers.Add(SipHeaderNames.Warning, "399 - " + SipGrammar.Quote(error.Message));
        response.Headers.Add(SipHeaderNames.Server, Options.ProductName);
        await SendAsync(response, source, cancellationToken);
    }

    private async Task OnRequestAsync(SipRequest request, IPEndPoint source, CancellationToken cancellationToken)
    {
        if (request.Method == SipMethods.Ack)
        {
            OnAck(request);
            return;
        }
        var key = ServerTransaction.KeyOf(request);
        var transaction = new ServerTransaction(key, request, ResponseTargetOf(request, source));
        var existing = serverTransactions.GetOrAdd(key, transaction);
        if (!ReferenceEquals(existing, transaction))
        {
            // A retransmission: the transaction absorbs it and repeats its last response (RFC 3261 17.2.1, 17.2.2).
            if (existing.LastResponse is { } last) await SendAsync(last, existing.ResponseTarget, cancellationToken);
            return;
        }
        _ = ForgetTransactionLaterAsync(transaction);

        switch (request.Method)
        {
            case SipMethods.Invite: await OnInviteAsync(transaction, source, cancellationToken); break;
            case SipMethods.Cancel: await OnCancelAsync(transaction, cancellationToken); break;
            case SipMethods.Bye: await OnByeAsync(transaction, cancellationToken); break;
            case SipMethods.Info: await OnInfoAsync(transaction, cancellationToken); break;
            case SipMethods.Notify: await OnNotifyAsync(transaction, cancellationToken); break;
            case SipMethods.Options:
                var ok = CreateResponse(request, SipStatus.Ok, NewTag());
                ok.Headers.Add(SipHeaderNames.Allow, SipMethods.Allowed);
                ok.Headers.Add(SipHeaderNames.Accept, "application/sdp, application/dtmf-relay, application/dtmf");
                ok.Headers.Add(SipHeaderNames.Supported, "");
                await SendResponseAsync(transaction, ok, cancellationToken);
                break;
            default:
                // 405 for methods of SIP we do not take here, 501 for methods we do not know (RFC 3261 8.2.1).
                var known = request.Method is "REGISTER" or "SUBSCRIBE" or "PUBLISH" or "MESSAGE" or "REFER" or "UPDATE" or "PRACK";
                var refusal = CreateResponse(request, known ? SipStatus.MethodNotAllowed : 501, NewTag());
                refusal.Headers.Add(SipHeaderNames.Allow, SipMethods.Allowed);
                await SendResponseAsync(transaction, refusal, cancellationToken);
                break;
        }
    }

    private async Task OnInviteAsync(ServerTransaction transaction, IPEndPoint source, CancellationToken cancellationToken)
    {
        var request = transaction.Request;
        var to = request.To;
        if (to.Tag is not null)
        {
            await OnReInviteAsync(transaction, to.Tag, cancellationToken);
            return;
        }

        // 100 Trying at once, so the caller stops retransmitting while we decide (RFC 3261 17.2.1).
        await SendResponseAsync(transaction, CreateResponse(request, SipStatus.Trying, toTag: null), cancellationToken);

        var localTag = NewTag();
        if (request.Headers.Get("Require") is { Length: > 0 } required)
        {
            var refusal = CreateResponse(request, 420, localTag);
            refusal.Headers.Add("Unsupported", required);
            SipMetrics.CallsRefused.Add(1, SipMetrics.Status(420));
            await SendResponseAsync(transaction, refusal, cancellationToken);
            return;
        }
        if (handler is null)
        {
            SipMetrics.CallsRefused.Add(1, SipMetrics.Status(SipStatus.TemporarilyUnavailable));
            await SendResponseAsync(transaction, CreateResponse(request, SipStatus.TemporarilyUnavailable, localTag), cancellationToken);
            return;
        }
        if (request.ContentType != "application/sdp" || request.Body.IsEmpty)
        {
            // An INVITE without an offer would need our offer in the 200 and the answer in the ACK; trunks send offers.
            await RejectMediaAsync(transaction, localTag, "no SDP offer in the INVITE", cancellationToken);
            return;
        }
        SessionDescription offer;
        try
        {
            offer = SessionDescription.Parse(request.BodyText);
        }
        catch (SipParseException ex)
        {
            SipMetrics.CallsRefused.Add(1, SipMetrics.Status(SipStatus.BadRequest));
            var bad = CreateResponse(request, SipStatus.BadRequest, localTag);
            bad.Headers.Add(SipHeaderNames.Warning, "399 - " + SipGrammar.Quote("bad SDP: " + ex.Message));
            await SendResponseAsync(transaction, bad, cancellationToken);
            return;
        }

        var rtp = RtpSession.Open(Options.LocalAddress, Options.RtpPortMin, Options.RtpPortMax, logger);
        SdpAnswerResult answer;
        try
        {
            answer = SdpOfferAnswer.Answer(offer, AdvertisedAddress, rtp.LocalPort, NewSessionId());
        }
        catch (SipParseException ex)
        {
            await rtp.DisposeAsync();
            await RejectMediaAsync(transaction, localTag, ex.Message, cancellationToken);
            return;
        }
        if (!answer.Accepted)
        {
            await rtp.DisposeAsync();
            await RejectMediaAsync(transaction, localTag, answer.Failure!, cancellationToken);
            return;
        }

        var call = new SipCall(this, SipCallDirection.Inbound, request, source, localTag, rtp, answer.Answer!, answer.Media, transaction);
        transaction.Call = call;
        calls[call.DialogKey] = call;
        _ = Task.Run(() => RunHandlerAsync(call), CancellationToken.None);   // off the receive loop: a slow handler must not hold up SIP
    }

    private async Task RejectMediaAsync(ServerTransaction transaction, string localTag, string why, CancellationToken cancellationToken)
    {
        SipMetrics.CallsRefused.Add(1, SipMetrics.Status(SipStatus.NotAcceptableHere));
        var refusal = CreateResponse(transaction.Request, SipStatus.NotAcceptableHere, localTag);
        refusal.Headers.Add(SipHeaderNames.Warning, "304 - " + SipGrammar.Quote(why));   // 304/305: media type/format not available
        refusal.Headers.Add(SipHeaderNames.Accept, "application/sdp");
        await SendResponseAsync(transaction, refusal, cancellationToken);
    }

    private async Task OnReInviteAsync(ServerTransaction transaction, string toTag, CancellationToken cancellationToken)
    {
        var request = transaction.Request;
        if (!calls.TryGetValue(DialogKeyOf(request.CallId, toTag, request.From.Tag ?? ""), out var call) || call.State != SipCallState.Established)
        {
            await SendResponseAsync(transaction, CreateResponse(request, SipStatus.CallDoesNotExist, null), cancellationToken);
            return;
        }
        // A session refresh or hold: take the new remote media, keep our answer (same codec, same port).
        if (request.ContentType == "application/sdp" && !request.Body.IsEmpty)
        {
            try
            {
                var answer = SdpOfferAnswer.Answer(SessionDescription.Parse(request.BodyText), AdvertisedAddress, call.Rtp.LocalPort, NewSessionId());
                if (answer.Media is { } media && media.Codec == call.Media!.Codec) call.UpdateMedia(media);
            }
            catch (SipParseException) { }
        }
        var ok = CreateResponse(request, SipStatus.Ok, null);
        AddContact(ok);
        ok.SetBody("application/sdp", call.LocalSdp.ToString());
        await SendResponseAsync(transaction, ok, cancellationToken);
    }

    private async Task RunHandlerAsync(SipCall call)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(call.Ended, stopping.Token);
        try
        {
            await handler!.HandleCallAsync(call, linked.Token);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested) { }
        catch (SipException ex) when (call.State == SipCallState.Ended)
        {
            logger.LogDebug(ex, "Call {CallId} ended under its handler", call.CallId);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "The call handler failed on call {CallId}", call.CallId);
            if (call.State == SipCallState.Ringing) await call.RejectAsync(SipStatus.ServerInternalError, CancellationToken.None);
        }
        try
        {
            if (call.State != SipCallState.Ended) await call.HangUpAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is SipException or SocketException or ObjectDisposedException)
        {
            logger.LogDebug(ex, "Hanging up call {CallId} after its handler", call.CallId);
        }
    }

    private async Task OnCancelAsync(ServerTransaction transaction, CancellationToken cancellationToken)
    {
        var request = transaction.Request;
        if (!serverTransactions.TryGetValue(ServerTransaction.KeyOf(request, SipMethods.Invite), out var invite))
        {
            await SendResponseAsync(transaction, CreateResponse(request, SipStatus.CallDoesNotExist, NewTag()), cancellationToken);
            return;
        }
        // 200 to the CANCEL; 487 to the INVITE if it has no final response yet (RFC 3261 9.2). The CANCEL's To tag is the INVITE's.
        var localTag = invite.Call?.LocalTag ?? NewTag();
        await SendResponseAsync(transaction, CreateResponse(request, SipStatus.Ok, localTag), cancellationToken);
        if (invite.HasFinalResponse) return;
        if (invite.Call is { } call)
        {
            if (!await call.EndAsync(SipCallEndReason.Cancelled, onlyWhileRinging: true)) return;   // answered first: the 200 stands
        }
        await SendResponseAsync(invite, CreateResponse(invite.Request, SipStatus.RequestTerminated, localTag), cancellationToken);
    }

    private async Task OnByeAsync(ServerTransaction transaction, CancellationToken cancellationToken)
    {
        var request = transaction.Request;
        var call = FindDialog(request);
        if (call is null)
        {
            await SendResponseAsync(transaction, CreateResponse(request, SipStatus.CallDoesNotExist, NewTag()), cancellationToken);
            return;
        }
        // Answered at once, ended after, off the receive loop: ending runs the call's handler's cancellation and closes its
        // RTP session, and however long that takes, it must not hold up this BYE's 200 or the SIP of every other call.
        await SendResponseAsync(transaction, CreateResponse(request, SipStatus.Ok, null), cancellationToken);
        _ = EndAfterByeAsync(call);
    }

    private async Task EndAfterByeAsync(SipCall call)
    {
        try
        {
            await call.EndAsync(SipCallEndReason.RemoteHangUp);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Call {CallId}: ending it after the caller's BYE failed", call.CallId);
        }
    }

    private async Task OnInfoAsync(ServerTransaction transaction, CancellationToken cancellationToken)
    {
        var request = transaction.Request;
        var call = FindDialog(request);
        if (call is null)
        {
            await SendResponseAsync(transaction, CreateResponse(request, SipStatus.CallDoesNotExist, NewTag()), cancellationToken);
            return;
        }
        if (!request.Body.IsEmpty && request.ContentType is not ("application/dtmf-relay" or "application/dtmf"))
        {
            var unsupported = CreateResponse(request, 415, null);
            unsupported.Headers.Add(SipHeaderNames.Accept, "application/dtmf-relay, application/dtmf");
            await SendResponseAsync(transaction, unsupported, cancellationToken);
            return;
        }
        var digit = SipInfoDtmf.Read(request.ContentType, request.BodyText);
        await SendResponseAsync(transaction, CreateResponse(request, digit is null && !request.Body.IsEmpty ? SipStatus.BadRequest : SipStatus.Ok, null), cancellationToken);
        if (digit is { } key) call.OnInfoDigit(key);
    }

    /// <summary>
    /// NOTIFY in a dialog: the progress of a REFER we sent (RFC 3515 2.4.4), a message/sipfrag whose status line says how
    /// the transfer target answered. 481 outside a dialog: we subscribe to nothing else.
    /// </summary>
    private async Task OnNotifyAsync(ServerTransaction transaction, CancellationToken cancellationToken)
    {
        var request = transaction.Request;
        var call = FindDialog(request);
        if (call is null)
        {
            await SendResponseAsync(transaction, CreateResponse(request, SipStatus.CallDoesNotExist, NewTag()), cancellationToken);
            return;
        }
        await SendResponseAsync(transaction, CreateResponse(request, SipStatus.Ok, null), cancellationToken);
        var sipfrag = request.ContentType == "message/sipfrag" ? request.BodyText : "";
        var statusLine = sipfrag.ReplaceLineEndings("\n").Split('\n')[0].Split(' ');
        if ((request.Headers.Get("Event") ?? "").StartsWith("refer", StringComparison.OrdinalIgnoreCase)
            && statusLine.Length >= 2 && statusLine[0].Equals("SIP/2.0", StringComparison.OrdinalIgnoreCase)
            && int.TryParse(statusLine[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var status))
        {
            call.OnTransferProgress(status);
        }
    }

    private void OnAck(SipRequest ack)
    {
        // The ACK of an error response belongs to the INVITE transaction; the ACK of a 2xx to the dialog (RFC 3261 17.2.1, 13.3.1.4).
        if (serverTransactions.TryGetValue(ServerTransaction.KeyOf(ack), out var invite) && invite.LastResponse is { StatusCode: >= 300 })
        {
            invite.OnAck();
            return;
        }
        FindDialog(ack)?.OnAck();
    }

    private SipCall? FindDialog(SipRequest request) =>
        calls.TryGetValue(DialogKeyOf(request.CallId, request.To.Tag ?? "", request.From.Tag ?? ""), out var call) ? call : null;

    internal static string DialogKeyOf(string callId, string localTag, string remoteTag) => $"{callId}|{localTag}|{remoteTag}";

    internal void Forget(SipCall call) => calls.TryRemove(call.DialogKey, out _);

    /// <summary>A response with the request's Via, From, To, Call-ID and CSeq, our tag on To unless it has one, and Server.</summary>
    internal SipResponse CreateResponse(SipRequest request, int statusCode, string? toTag)
    {
        var response = SipResponse.For(request, statusCode);
        if (toTag is not null && statusCode > SipStatus.Trying && request.To.Tag is null)
            response.Headers.Set(SipHeaderNames.To, request.Headers.Get(SipHeaderNames.To) + ";tag=" + toTag);
        response.Headers.Add(SipHeaderNames.Server, Options.ProductName);
        return response;
    }

    internal void AddContact(SipMessage message) => message.Headers.Set(SipHeaderNames.Contact, $"<sip:{HostPort}>");

    internal async Task SendResponseAsync(ServerTransaction transaction, SipResponse response, CancellationToken cancellationToken)
    {
        transaction.LastResponse = response;
        if (transaction.IsInvite && response.StatusCode >= 300) _ = RetransmitErrorUntilAckAsync(transaction, response);   // armed before the send
        await SendAsync(response, transaction.ResponseTarget, cancellationToken);
    }

    /// <summary>Timer G: the final error to an INVITE again at T1, 2T1... (at most T2 apart) until the ACK; timer H gives up at 64*T1.</summary>
    private async Task RetransmitErrorUntilAckAsync(ServerTransaction transaction, SipResponse response)
    {
        var interval = Options.T1;
        var waited = TimeSpan.Zero;
        try
        {
            var wait = Task.Delay(interval, TimeProvider, transaction.Acknowledged);   // armed before the send it follows
            while (true)
            {
                await wait;
                waited += interval;
                if (waited >= Options.T1 * 64 || !ReferenceEquals(transaction.LastResponse, response) || transaction.Acknowledged.IsCancellationRequested) return;
                interval = interval * 2 < Options.T2 ? interval * 2 : Options.T2;
                wait = Task.Delay(interval, TimeProvider, transaction.Acknowledged);
                await SendAsync(response, transaction.ResponseTarget, stopping.Token);
            }
        }
        catch (OperationCanceledException) { }
        catch (ObjectDisposedException) { }
    }

    /// <summary>
    /// Keeps a server transaction 64*T1 to absorb retransmissions (timers J and I, and RFC 6026's "Accepted" state),
    /// then forgets it.
    /// </summary>
    private async Task ForgetTransactionLaterAsync(ServerTransaction transaction)
    {
        try
        {
            await Task.Delay(Options.T1 * 64 + Options.T2, TimeProvider, stopping.Token);
        }
        catch (OperationCanceledException) { return; }
        serverTransactions.TryRemove(transaction.Key, out _);
    }

    /// <summary>Where responses go (RFC 3261 18.2.2 with RFC 3581): the source address, and the source port when Via asks with rport.</summary>
    private static IPEndPoint ResponseTargetOf(SipRequest request, IPEndPoint source)
    {
        var via = request.TopVia;
        if (via.Parameters.Contains("rport")) return source;
        return new IPEndPoint(source.Address, via.Port ?? 5060);
    }

    internal async Task SendAsync(SipMessage message, IPEndPoint target, CancellationToken cancellationToken)
    {
        var sending = socket ?? throw new InvalidOperationException("not started");
        var bytes = message.ToBytes();
        ProtocolLogger?.LogMessage(SipWireDirection.Sent, target, bytes);
        try
        {
            await sending.SendToAsync(bytes, SocketFlags.None, target, cancellationToken);
        }
        catch (SocketException ex)
        {
            // UDP: a lost datagram is what retransmissions are for.
            logger.LogWarning(ex, "Sending SIP to {Target} failed", target);
        }
    }

    internal static string NewTag() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    internal static string NewBranch() => SipVia.MagicCookie + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    private static long NewSessionId() => Random.Shared.NextInt64(1, long.MaxValue / 2);

    public async ValueTask DisposeAsync()
    {
        if (stopping.IsCancellationRequested) return;
        foreach (var call in calls.Values)
        {
            var wasUp = call.State == SipCallState.Established;
            if (!await call.EndAsync(SipCallEndReason.Shutdown)) continue;
            if (wasUp && socket is not null)
            {
                // A goodbye without waiting for its answer: the socket closes next.
                try
                {
                    await SendAsync(BuildInDialogRequest(call, SipMethods.Bye, out var target), target, CancellationToken.None);
                }
                catch (Exception ex) when (ex is SipException or SocketException) { }
            }
        }
        await stopping.CancelAsync();
        socket?.Dispose();
        await receiving;
        stopping.Dispose();
    }
}
