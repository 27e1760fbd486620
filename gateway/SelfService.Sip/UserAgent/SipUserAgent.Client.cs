using System.Net;
using Microsoft.Extensions.Logging;

namespace SelfService.Sip;

// The client half: requests we send in a dialog (BYE), outbound calls (INVITE), and the responses to both.
public sealed partial class SipUserAgent
{
    /// <summary>
    /// Calls <paramref name="target"/> (a sip: URI with an IP address, e.g. sip:79161234567@192.0.2.5:5060) as
    /// <paramref name="callerUser"/>, offering PCMU, PCMA and telephone-event. Returns the established call once the
    /// callee answers; throws <see cref="SipCallFailedException"/> with its status when it does not (408 when nobody
    /// answered within <see cref="SipUserAgentOptions.OutboundRingTimeout"/>). Cancelling the token sends CANCEL.
    /// </summary>
    public async Task<SipCall> CallAsync(SipUri target, string callerUser, CancellationToken cancellationToken = default)
    {
        var destination = ResolveTarget(target, null) ?? throw new ArgumentException("the target must name an IP address", nameof(target));
        var rtp = RtpSession.Open(Options.LocalAddress, Options.RtpPortMin, Options.RtpPortMax, logger);
        var offer = SdpOfferAnswer.CreateOffer(AdvertisedAddress, rtp.LocalPort, NewSessionId());
        var localTag = NewTag();
        var branch = NewBranch();
        var invite = new SipRequest(SipMethods.Invite, target);
        invite.Headers.Add(SipHeaderNames.Via, $"SIP/2.0/UDP {HostPort};branch={branch};rport");
        invite.Headers.Add(SipHeaderNames.MaxForwards, "70");
        invite.Headers.Add(SipHeaderNames.From, $"<sip:{callerUser}@{HostPort}>;tag={localTag}");
        invite.Headers.Add(SipHeaderNames.To, $"<{target}>");
        invite.Headers.Add(SipHeaderNames.CallId, $"{NewTag()}{NewTag()}@{HostPort}");
        invite.Headers.Add(SipHeaderNames.CSeq, "1 INVITE");
        AddContact(invite);
        invite.Headers.Add(SipHeaderNames.Allow, SipMethods.Allowed);
        invite.Headers.Add(SipHeaderNames.UserAgent, Options.ProductName);
        invite.SetBody("application/sdp", offer.ToString());

        var call = new SipCall(this, SipCallDirection.Outbound, invite, destination, localTag, rtp, offer, null, null);
        // The dialog exists from the 2xx on (RFC 3261 12.1.2): made on the receive loop, so a BYE right behind the 200 finds it.
        var transaction = new ClientTransaction(branch, SipMethods.Invite) { OnSuccess = ok => CreateDialog(call, ok) };
        clientTransactions[transaction.Key] = transaction;
        try
        {
            var final = await RunInviteTransactionAsync(invite, destination, transaction, cancellationToken);
            if (!final.IsSuccess)
            {
                await SendAsync(AckForError(invite, final), destination, CancellationToken.None);
                await call.EndAsync(SipCallEndReason.Rejected);
                throw new SipCallFailedException(final.StatusCode, final.ReasonPhrase);
            }
            var established = await ConfirmAsync(call, final);
            if (cancellationToken.IsCancellationRequested)
            {
                await established.HangUpAsync(CancellationToken.None);
                cancellationToken.ThrowIfCancellationRequested();
            }
            return established;
        }
        catch
        {
            if (call.State != SipCallState.Established) await call.EndAsync(SipCallEndReason.Rejected);
            throw;
        }
        finally
        {
            clientTransactions.TryRemove(transaction.Key, out _);
        }
    }

    /// <summary>Timers A and B until a provisional response, then the ring timeout; CANCEL when the caller gives up.</summary>
    private async Task<SipResponse> RunInviteTransactionAsync(SipRequest invite, IPEndPoint destination, ClientTransaction transaction, CancellationToken cancellationToken)
    {
        var interval = Options.T1;
        var waited = TimeSpan.Zero;
        try
        {
            var wait = transaction.Final.Task.WaitAsync(interval, TimeProvider, cancellationToken);   // armed before the send
            await SendAsync(invite, destination, cancellationToken);
            while (!transaction.Provisional.Task.IsCompleted)
            {
                try
                {
                    return await wait;
                }
                catch (TimeoutException)
                {
                    waited += interval;
                }
                if (transaction.Provisional.Task.IsCompleted) break;
                if (waited >= Options.T1 * 64) throw new SipCallFailedException(SipStatus.RequestTimeout, "no response");   // timer B
                interval *= 2;   // timer A doubles without a cap (RFC 3261 17.1.1.2)
                wait = transaction.Final.Task.WaitAsync(interval, TimeProvider, cancellationToken);
                await SendAsync(invite, destination, cancellationToken);
            }
            return await transaction.Final.Task.WaitAsync(Options.OutboundRingTimeout, TimeProvider, cancellationToken);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            // Ringing too long, or the caller gave up: CANCEL (RFC 3261 9.1), once a provisional response has come (a
            // CANCEL before one may overtake the INVITE), then the INVITE's final answer (487) is acknowledged.
            try
            {
                if (!transaction.Final.Task.IsCompleted)
                {
                    await Task.WhenAny(transaction.Provisional.Task, transaction.Final.Task).WaitAsync(Options.T1 * 64, TimeProvider, CancellationToken.None);
                    if (!transaction.Final.Task.IsCompleted) await SendNonInviteAsync(CancelFor(invite), destination, CancellationToken.None);
                }
                var final = await transaction.Final.Task.WaitAsync(Options.T1 * 64, TimeProvider, CancellationToken.None);
                if (final.IsSuccess) return final;   // answered while we cancelled: CallAsync acknowledges it, then hangs up
                await SendAsync(AckForError(invite, final), destination, CancellationToken.None);
            }
            catch (TimeoutException) { }
            if (ex is OperationCanceledException) throw;
            throw new SipCallFailedException(SipStatus.RequestTimeout, "not answered");
        }
    }

    private void CreateDialog(SipCall call, SipResponse ok)
    {
        call.RemoteParty = ok.Headers.Get(SipHeaderNames.To)!;
        call.RemoteTag = ok.To.Tag ?? "";
        if (ok.Contacts.Count > 0) call.RemoteTarget = ok.Contacts[0].Uri;
        call.RouteSet = [.. ok.Headers.GetAll(SipHeaderNames.RecordRoute).Reverse()];   // reversed for the UAC (RFC 3261 12.1.2)
        calls[call.DialogKey] = call;
    }

    private async Task<SipCall> ConfirmAsync(SipCall call, SipResponse ok)
    {

        // The ACK of a 2xx is its own transaction, in the dialog, with the INVITE's CSeq number (RFC 3261 13.2.2.4).
        var ack = BuildInDialogRequest(call, SipMethods.Ack, out var target, call.Invite.CSeq.Number);
        call.Ack = (ack, target);
        await SendAsync(ack, target, CancellationToken.None);

        NegotiatedMedia? media = null;
        try
        {
            if (ok.ContentType == "application/sdp") media = SdpOfferAnswer.ReadAnswer(SessionDescription.Parse(ok.BodyText));
        }
        catch (SipParseException) { }
        if (media is null)
        {
            await call.EndAsync(SipCallEndReason.Rejected);
            await SendInDialogAsync(call, SipMethods.Bye, CancellationToken.None);
            throw new SipCallFailedException(SipStatus.NotAcceptableHere, "the answer has no codec we offered");
        }
        call.MarkEstablished(media);
        return call;
    }

    private SipRequest AckForError(SipRequest invite, SipResponse final)
    {
        // The ACK of an error is part of the INVITE transaction: same branch, same Request-URI, the response's To (17.1.1.3).
        var ack = new SipRequest(SipMethods.Ack, invite.RequestUri);
        ack.Headers.Add(SipHeaderNames.Via, invite.Headers.GetAll(SipHeaderNames.Via)[0]);
        ack.Headers.Add(SipHeaderNames.MaxForwards, "70");
        ack.Headers.Add(SipHeaderNames.From, invite.Headers.Get(SipHeaderNames.From)!);
        ack.Headers.Add(SipHeaderNames.To, final.Headers.Get(SipHeaderNames.To)!);
        ack.Headers.Add(SipHeaderNames.CallId, invite.CallId);
        ack.Headers.Add(SipHeaderNames.CSeq, $"{invite.CSeq.Number} ACK");
        return ack;
    }

    private static SipRequest CancelFor(SipRequest invite)
    {
        var cancel = new SipRequest(SipMethods.Cancel, invite.RequestUri);
        cancel.Headers.Add(SipHeaderNames.Via, invite.Headers.GetAll(SipHeaderNames.Via)[0]);
        cancel.Headers.Add(SipHeaderNames.MaxForwards, "70");
        cancel.Headers.Add(SipHeaderNames.From, invite.Headers.Get(SipHeaderNames.From)!);
        cancel.Headers.Add(SipHeaderNames.To, invite.Headers.Get(SipHeaderNames.To)!);
        cancel.Headers.Add(SipHeaderNames.CallId, invite.CallId);
        cancel.Headers.Add(SipHeaderNames.CSeq, $"{invite.CSeq.Number} CANCEL");
        return cancel;
    }

    private void OnResponse(SipResponse response)
    {
        var via = response.TopVia;
        if (via.Branch is { } branch && clientTransactions.TryGetValue(ClientTransaction.KeyOf(branch, response.CSeq.Method), out var transaction))
        {
            transaction.OnResponse(response);
            return;
        }
        // A retransmitted 2xx to our INVITE: the ACK got lost, send it again (RFC 3261 13.2.2.4).
        if (response.IsSuccess && response.CSeq.Method == SipMethods.Invite
            && calls.TryGetValue(DialogKeyOf(response.CallId, response.From.Tag ?? "", response.To.Tag ?? ""), out var call) && call.Ack is var (ack, target))
        {
            _ = SendAsync(ack, target, stopping.Token);
        }
    }

    /// <summary>Sends BYE (or another request) in the call's dialog and waits for its final response, at most 64*T1.</summary>
    internal async Task<SipResponse?> SendInDialogAsync(SipCall call, string method, CancellationToken cancellationToken, Action<SipRequest>? complete = null)
    {
        var request = BuildInDialogRequest(call, method, out var target);
        complete?.Invoke(request);
        var response = await SendNonInviteAsync(request, target, cancellationToken);
        if (response is null or { IsSuccess: false }) logger.LogInformation("{Method} on call {CallId}: {Status}", method, call.CallId, response?.StatusCode.ToString() ?? "no answer");
        return response;
    }

    /// <summary>A request in the dialog (RFC 3261 12.2.1.1): the remote target, the route set, our CSeq, a new branch.</summary>
    internal SipRequest BuildInDialogRequest(SipCall call, string method, out IPEndPoint target, long? sequence = null)
    {
        var request = new SipRequest(method, call.RemoteTarget);
        request.Headers.Add(SipHeaderNames.Via, $"SIP/2.0/UDP {HostPort};branch={NewBranch()};rport");
        request.Headers.Add(SipHeaderNames.MaxForwards, "70");
        request.Headers.Add(SipHeaderNames.From, call.LocalParty);
        request.Headers.Add(SipHeaderNames.To, call.RemoteParty);
        request.Headers.Add(SipHeaderNames.CallId, call.CallId);
        request.Headers.Add(SipHeaderNames.CSeq, $"{sequence ?? call.NextSequence()} {method}");
        foreach (var route in call.RouteSet) request.Headers.Add(SipHeaderNames.Route, route);
        request.Headers.Add(SipHeaderNames.UserAgent, Options.ProductName);
        // Loose routing: the request goes to the first route when there is one, else to the remote target.
        var next = call.RouteSet.Count > 0 ? NameAddress.Parse(call.RouteSet[0]).Uri : call.RemoteTarget;
        target = ResolveTarget(next, call.RemoteEndPoint)!;
        return request;
    }

    /// <summary>A non-INVITE client transaction (RFC 3261 17.1.2): timer E retransmits, timer F gives up at 64*T1 (null).</summary>
    private async Task<SipResponse?> SendNonInviteAsync(SipRequest request, IPEndPoint target, CancellationToken cancellationToken)
    {
        var branch = request.TopVia.Branch!;
        var transaction = new ClientTransaction(branch, request.Method);
        clientTransactions[transaction.Key] = transaction;
        try
        {
            var interval = Options.T1;
            var waited = TimeSpan.Zero;
            var wait = transaction.Final.Task.WaitAsync(interval, TimeProvider, cancellationToken);   // armed before the send
            await SendAsync(request, target, cancellationToken);
            while (true)
            {
                try
                {
                    return await wait;
                }
                catch (TimeoutException)
                {
                    waited += interval;
                }
                if (waited >= Options.T1 * 64) return null;
                interval = transaction.Provisional.Task.IsCompleted || interval * 2 >= Options.T2 ? Options.T2 : interval * 2;
                wait = transaction.Final.Task.WaitAsync(interval, TimeProvider, cancellationToken);
                await SendAsync(request, target, cancellationToken);
            }
        }
        catch (ObjectDisposedException)
        {
            return null;
        }
        finally
        {
            clientTransactions.TryRemove(transaction.Key, out _);
        }
    }

    /// <summary>The address of a URI with an IP host; <paramref name="fallback"/> (the signalling peer) for a host name.</summary>
    private static IPEndPoint? ResolveTarget(SipUri uri, IPEndPoint? fallback)
    {
        var host = uri.Host.Trim('[', ']');
        if (IPAddress.TryParse(host, out var address)) return new IPEndPoint(address, uri.Port ?? 5060);
        return fallback;
    }
}
