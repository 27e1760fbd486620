using System.Net;
using System.Threading.Channels;

namespace SelfService.Sip;

/// <summary>
/// One call, inbound or outbound: its dialog (RFC 3261 12), its media, the keys the caller presses, and how it ends.
/// </summary>
// Its CancellationTokenSource has no timer (never CancelAfter), so it holds nothing to release; its token must stay
// usable by whoever still holds it after the end, which disposing would break.
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "A timer-less CancellationTokenSource holds no resources.")]
public sealed class SipCall
{
    private readonly SipUserAgent agent;
    private readonly ServerTransaction? inviteTransaction;
    private readonly Lock gate = new();
    private readonly CancellationTokenSource ended = new();
    private readonly TaskCompletionSource<SipCallEndReason> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource acknowledged = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Channel<char> digits = Channel.CreateUnbounded<char>(new UnboundedChannelOptions { SingleWriter = false });
    private SipCallState state = SipCallState.Ringing;
    private SipCallEndReason endReason;
    private long localSequence;
    private TaskCompletionSource<int>? transferOutcome;

    internal SipCall(SipUserAgent agent, SipCallDirection direction, SipRequest invite, IPEndPoint remoteEndPoint, string localTag,
        RtpSession rtp, SessionDescription localSdp, NegotiatedMedia? media, ServerTransaction? inviteTransaction)
    {
        this.agent = agent;
        this.inviteTransaction = inviteTransaction;
        Direction = direction;
        Invite = invite;
        RemoteEndPoint = remoteEndPoint;
        LocalTag = localTag;
        Rtp = rtp;
        LocalSdp = localSdp;
        Media = media;
        CallId = invite.CallId;
        var from = invite.From;
        var to = invite.To;
        if (direction == SipCallDirection.Inbound)
        {
            RemoteTag = from.Tag ?? "";
            DialledNumber = UserOf(invite.RequestUri) ?? UserOf(to.Uri) ?? "";
            Caller = UserOf(from.Uri) ?? "";
            CallerDisplayName = from.DisplayName;
            LocalParty = invite.Headers.Get(SipHeaderNames.To)! + ";tag=" + localTag;
            RemoteParty = invite.Headers.Get(SipHeaderNames.From)!;
            RemoteTarget = invite.Contacts.Count > 0 ? invite.Contacts[0].Uri : from.Uri;
            RouteSet = [.. invite.Headers.GetAll(SipHeaderNames.RecordRoute)];   // in order for the UAS (12.1.1)
            localSequence = Random.Shared.Next(1, 10_000);
        }
        else
        {
            DialledNumber = UserOf(invite.RequestUri) ?? "";
            Caller = UserOf(from.Uri) ?? "";
            LocalParty = invite.Headers.Get(SipHeaderNames.From)!;
            RemoteParty = invite.Headers.Get(SipHeaderNames.To)!;
            RemoteTarget = invite.RequestUri;
            RouteSet = [];
            localSequence = invite.CSeq.Number;
        }
        rtp.DigitReceived += (_, e) => Deliver(e.Digit, e.Source);
        SipMetrics.Calls.Add(1, SipMetrics.Direction(direction));
        SipMetrics.ActiveCalls.Add(1);
    }

    public string CallId { get; }
    public SipCallDirection Direction { get; }

    /// <summary>The number dialled: the user part of the Request-URI (e.g. "0611" of sip:0611@gateway).</summary>
    public string DialledNumber { get; }

    /// <summary>The caller's number: the user part of the From URI. Trust it only from a trunk you know.</summary>
    public string Caller { get; }

    public string? CallerDisplayName { get; }

    /// <summary>Where the INVITE came from (inbound) or went (outbound): the signalling peer, a trunk or a phone.</summary>
    public IPEndPoint RemoteEndPoint { get; }

    public SipRequest Invite { get; }
    public NegotiatedMedia? Media { get; private set; }
    public RtpSendStatistics SendStatistics => Rtp.SendStatistics;

    public SipCallState State { get { lock (gate) return state; } }
    public SipCallEndReason EndReason { get { lock (gate) return endReason; } }

    /// <summary>Completes with the reason when the call ends, however it ends.</summary>
    public Task<SipCallEndReason> Completion => completion.Task;

    /// <summary>Cancelled when the call ends.</summary>
    public CancellationToken Ended => ended.Token;

    /// <summary>Every key pressed, RFC 4733 or SIP INFO, in order; completes when the call ends.</summary>
    public ChannelReader<char> Digits => digits.Reader;

    /// <summary>Raised for every key pressed, besides <see cref="Digits"/>.</summary>
    public event EventHandler<DtmfDigitEventArgs>? DigitReceived;

    internal string LocalTag { get; }
    internal string RemoteTag { get; set; } = "";
    internal string LocalParty { get; }
    internal string RemoteParty { get; set; }
    internal SipUri RemoteTarget { get; set; }
    internal IReadOnlyList<string> RouteSet { get; set; }
    internal RtpSession Rtp { get; }

    /// <summary>Outbound: the ACK of the 200, sent again when the 200 is retransmitted.</summary>
    internal (SipRequest Request, IPEndPoint Target)? Ack { get; set; }
    internal SessionDescription LocalSdp { get; }
    internal string DialogKey => SipUserAgent.DialogKeyOf(CallId, LocalTag, RemoteTag);

    /// <summary>Sends 180 Ringing.</summary>
    public async Task RingAsync(CancellationToken cancellationToken = default)
    {
        var transaction = RequireRingingInbound();
        await agent.SendResponseAsync(transaction, agent.CreateResponse(transaction.Request, SipStatus.Ringing, LocalTag), cancellationToken);
    }

    /// <summary>
    /// Answers with 200 OK and the SDP answer, starts the media, and keeps retransmitting the 200 until the ACK
    /// (RFC 3261 13.3.1.4). Throws <see cref="SipException"/> when the call ended first (the caller cancelled).
    /// </summary>
    public async Task AnswerAsync(CancellationToken cancellationToken = default)
    {
        var transaction = inviteTransaction ?? throw new InvalidOperationException("an outbound call is answered by the callee");
        lock (gate)
        {
            if (state != SipCallState.Ringing) throw new SipException($"the call cannot be answered: it is {state} ({endReason})");
            state = SipCallState.Established;
        }
        var ok = agent.CreateResponse(transaction.Request, SipStatus.Ok, LocalTag);
        agent.AddContact(ok);
        ok.Headers.Add(SipHeaderNames.Allow, SipMethods.Allowed);
        ok.SetBody("application/sdp", LocalSdp.ToString());
        Rtp.Start(Media!);
        // The retransmission timer is armed before the first 200 leaves, so no ACK can race past it.
        transaction.LastResponse = ok;
        _ = RetransmitOkUntilAckAsync(transaction, ok);
        await agent.SendResponseAsync(transaction, ok, cancellationToken);
    }

    /// <summary>Refuses a ringing inbound call with a final status (486 Busy Here, 603 Decline, 480...).</summary>
    public async Task RejectAsync(int statusCode = SipStatus.Decline, CancellationToken cancellationToken = default)
    {
        if (statusCode is < 300 or > 699) throw new ArgumentOutOfRangeException(nameof(statusCode), "a rejection is 300-699");
        var transaction = inviteTransaction ?? throw new InvalidOperationException("reject is for inbound calls");
        if (!await EndAsync(SipCallEndReason.Rejected, onlyWhileRinging: true)) return;
        // Not cancellable: the token may be the handler's, which ending the call has just cancelled.
        await agent.SendResponseAsync(transaction, agent.CreateResponse(transaction.Request, statusCode, LocalTag), CancellationToken.None);
    }

    /// <summary>
    /// Ends the call: BYE when it is up (waiting for its answer at most 64*T1, or until the token is cancelled; the call
    /// has ended either way), a 480 rejection while an inbound call rings.
    /// </summary>
    public async Task HangUpAsync(CancellationToken cancellationToken = default)
    {
        SipCallState current;
        lock (gate) current = state;
        if (current == SipCallState.Ringing && Direction == SipCallDirection.Inbound)
        {
            await RejectAsync(SipStatus.TemporarilyUnavailable, cancellationToken);
            return;
        }
        if (current != SipCallState.Established) return;
        if (!await EndAsync(SipCallEndReason.LocalHangUp)) return;
        // The BYE goes out whatever the token says (it may be the handler's, cancelled by the end of this very call);
        // the token only stops the wait for its answer.
        var bye = agent.SendInDialogAsync(this, SipMethods.Bye, CancellationToken.None);
        try
        {
            await bye.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) { }
    }

    /// <summary>
    /// Plays 8 kHz 16-bit linear PCM to the caller, after what is already queued; completes when it has all been sent.
    /// With <paramref name="stopOnDigit"/> (barge-in) a key press stops it and it completes as Interrupted.
    /// </summary>
    public Task<PlaybackResult> PlayAsync(ReadOnlyMemory<short> samples, bool stopOnDigit = true, CancellationToken cancellationToken = default)
    {
        var current = State;
        if (current == SipCallState.Ringing) throw new InvalidOperationException("answer the call before playing to it (no early media)");
        if (current == SipCallState.Ended) return Task.FromResult(PlaybackResult.CallEnded);
        return Rtp.PlayAsync(samples, stopOnDigit, cancellationToken);
    }

    /// <summary>
    /// The next key pressed, or null when none comes within <paramref name="timeout"/> (on the user agent's clock, so
    /// tests can move it) or the call ends. A digit that comes after the timeout waits for the next read; none is lost.
    /// </summary>
    public async Task<char?> ReadDigitAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var timer = new CancellationTokenSource(timeout, agent.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, cancellationToken);
        try
        {
            return await digits.Reader.ReadAsync(linked.Token);
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (ChannelClosedException)
        {
            return null;
        }
    }

    /// <summary>Stops what is playing and drops what is queued.</summary>
    public void StopPlayback() => Rtp.StopPlayback();

    /// <summary>Sends a key press as an RFC 4733 event (the peer must have offered telephone-event).</summary>
    public Task SendDigitAsync(char digit, CancellationToken cancellationToken = default) => Rtp.SendDigitAsync(digit, cancellationToken);

    internal long NextSequence() => Interlocked.Increment(ref localSequence);

    internal void OnAck() => acknowledged.TrySetResult();

    /// <summary>
    /// Transfers the call with REFER (RFC 3515): the caller's side is asked to call <paramref name="target"/>. True when
    /// the target answered (a NOTIFY with a 2xx sipfrag), and then we hang up; false when the REFER was refused or the
    /// target did not answer (the call stays up, so the caller can be told). Waits at most 64*T1 for the outcome.
    /// </summary>
    public async Task<bool> TransferAsync(SipUri target, CancellationToken cancellationToken = default)
    {
        if (State != SipCallState.Established) throw new SipException("only a call that is up can be transferred");
        var outcome = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        transferOutcome = outcome;
        var accepted = await agent.SendInDialogAsync(this, SipMethods.Refer, cancellationToken, refer =>
        {
            refer.Headers.Add("Refer-To", $"<{target}>");
            refer.Headers.Add("Referred-By", $"<{NameAddress.Parse(LocalParty).Uri}>");
        });
        if (accepted is not { IsSuccess: true }) return false;
        int status;
        try
        {
            status = await outcome.Task.WaitAsync(agent.Options.T1 * 64, agent.TimeProvider, cancellationToken);
        }
        catch (TimeoutException)
        {
            return false;
        }
        if (status is < 200 or >= 300) return false;
        await HangUpAsync(cancellationToken);
        return true;
    }

    internal void OnTransferProgress(int status)
    {
        if (status >= 200) transferOutcome?.TrySetResult(status);   // 1xx sipfrags are progress, not the outcome
    }

    internal void OnInfoDigit(char digit)
    {
        Rtp.StopPlayback(onlyBargeIn: true);
        Deliver(digit, DtmfSource.SipInfo);
    }

    internal void MarkEstablished(NegotiatedMedia media)
    {
        lock (gate)
        {
            if (state != SipCallState.Ringing) return;
            state = SipCallState.Established;
        }
        Media = media;
        Rtp.Start(media);
    }

    internal void UpdateMedia(NegotiatedMedia media)
    {
        Media = media;
        Rtp.Update(media);
    }

    /// <summary>
    /// Ends the call once: stops the media, wakes whoever waits, and forgets the dialog. False when it had ended already,
    /// or, with <paramref name="onlyWhileRinging"/>, when it was answered first (a CANCEL or a rejection racing the answer).
    /// </summary>
    internal async Task<bool> EndAsync(SipCallEndReason reason, bool onlyWhileRinging = false)
    {
        lock (gate)
        {
            if (state == SipCallState.Ended || (onlyWhileRinging && state != SipCallState.Ringing)) return false;
            state = SipCallState.Ended;
            endReason = reason;
        }
        agent.Forget(this);
        SipMetrics.ActiveCalls.Add(-1);
        SipMetrics.CallsEnded.Add(1, SipMetrics.EndReason(reason));
        digits.Writer.TryComplete();
        await ended.CancelAsync();
        await Rtp.DisposeAsync();
        completion.TrySetResult(reason);
        return true;
    }

    private ServerTransaction RequireRingingInbound()
    {
        var transaction = inviteTransaction ?? throw new InvalidOperationException("only an inbound call rings here");
        if (State != SipCallState.Ringing) throw new SipException("the call is not ringing");
        return transaction;
    }

    private async Task RetransmitOkUntilAckAsync(ServerTransaction transaction, SipResponse ok)
    {
        var interval = agent.Options.T1;
        var waited = TimeSpan.Zero;
        var limit = agent.Options.T1 * 64;
        try
        {
            // Each timer is armed before the send it follows, so whoever sees a 200 can rely on the next one being due.
            var wait = acknowledged.Task.WaitAsync(interval, agent.TimeProvider, ended.Token);
            while (true)
            {
                try
                {
                    await wait;
                    return;
                }
                catch (TimeoutException)
                {
                    waited += interval;
                }
                if (acknowledged.Task.IsCompleted) return;
                if (waited >= limit)
                {
                    // No ACK within 64*T1: the dialog is confirmed and torn down at once (RFC 3261 13.3.1.4).
                    if (await EndAsync(SipCallEndReason.AckTimeout)) await agent.SendInDialogAsync(this, SipMethods.Bye, CancellationToken.None);
                    return;
                }
                interval = interval * 2 < agent.Options.T2 ? interval * 2 : agent.Options.T2;
                wait = acknowledged.Task.WaitAsync(interval, agent.TimeProvider, ended.Token);
                await agent.SendResponseAsync(transaction, ok, CancellationToken.None);
            }
        }
        catch (OperationCanceledException) { }
        catch (ObjectDisposedException) { }
    }

    private void Deliver(char digit, DtmfSource source)
    {
        digits.Writer.TryWrite(digit);
        DigitReceived?.Invoke(this, new DtmfDigitEventArgs(digit, source));
    }

    internal static string? UserOf(SipUri uri)
    {
        if (uri.IsSip) return uri.UserDecoded;
        if (uri.Scheme.Equals("tel", StringComparison.OrdinalIgnoreCase)) return uri.Opaque!.Split(';')[0];
        return null;
    }
}
