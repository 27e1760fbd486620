using SelfService.Smpp;

namespace SelfService.Channels.Ussd;

/// <summary>
/// The USSD sessions open on the SMPP bind, and the inputs waiting for an answer (keyed by the accepted inbound message
/// id). A session is known by subscriber and its_session_info number; a number comes back for a later session, so a new
/// indication opens a new session. Kept in memory: USSD sessions live for minutes and the network ends them on its own.
/// </summary>
internal sealed class UssdSmppSessions(TimeSpan timeout)
{
    private readonly Dictionary<string, UssdDialog> _dialogs = [];
    private readonly Dictionary<string, UssdTurn> _awaitingReply = [];
    private readonly Lock _gate = new();

    /// <summary>The turn an input opens. A redelivery (the SMSC missed our deliver_sm_resp) gets the channel message id
    /// of the first copy, so the pipeline recognises it.</summary>
    public UssdTurn Receive(string msisdn, IMessagePdu pdu, SmppClient bind, UssdServiceOp operation, UssdSessionInfo? info, DateTimeOffset now)
    {
        lock (_gate)
        {
            var key = msisdn + "#" + info?.Number;
            if (_dialogs.TryGetValue(key, out var dialog) && Expired(dialog.LastActivity, now)) dialog = null;
            if (dialog is not null && info is { } redelivered && IsRedelivery(dialog, operation, redelivered.Sequence))
                return new UssdTurn(dialog, operation, info, dialog.Id + ":" + redelivered.Sequence, now);

            // A confirm without a session we know (we restarted, or forgot it) carries all it needs to be answered.
            if (dialog is null || IsIndication(operation))
            {
                dialog = new UssdDialog
                {
                    Id = $"{key}@{now.ToUnixTimeMilliseconds()}",
                    Subscriber = new UssdParty(pdu.SourceAddr, pdu.SourceAddrTon, pdu.SourceAddrNpi),
                    Service = new UssdParty(pdu.DestinationAddr, pdu.DestAddrTon, pdu.DestAddrNpi),
                    Bind = bind,
                    FirstSequence = info?.Sequence ?? 0,
                };
                _dialogs[key] = dialog;
            }
            dialog.Bind = bind;
            dialog.Inputs++;
            dialog.LastSequence = info?.Sequence ?? dialog.Inputs;
            dialog.LastActivity = now;
            return new UssdTurn(dialog, operation, info, dialog.Id + ":" + dialog.LastSequence, now);
        }
    }

    /// <summary>The reply to <paramref name="inboundId"/> answers this turn (a redelivery keeps the first copy's).</summary>
    public void AwaitReply(string inboundId, UssdTurn turn)
    {
        lock (_gate) _awaitingReply.TryAdd(inboundId, turn);
    }

    public void Forget(string inboundId)
    {
        lock (_gate) _awaitingReply.Remove(inboundId);
    }

    /// <summary>True when a turn waits for this reply, even one that has just timed out (its sender is told so).</summary>
    public bool IsAwaiting(string inboundId)
    {
        lock (_gate) return _awaitingReply.ContainsKey(inboundId);
    }

    /// <summary>The turn waiting for the reply to <paramref name="inboundId"/>, or null when it is unknown or timed out.</summary>
    public UssdTurn? Awaiting(string inboundId, DateTimeOffset now)
    {
        lock (_gate)
            return _awaitingReply.TryGetValue(inboundId, out var turn) && !Expired(turn.ReceivedAt, now) && !turn.Dialog.Ended ? turn : null;
    }

    /// <summary>The answer went out: the turn is done, and the dialog waits for the subscriber or is over.</summary>
    public void Answered(string inboundId, UssdTurn turn, bool ended, DateTimeOffset now)
    {
        lock (_gate)
        {
            _awaitingReply.Remove(inboundId);
            turn.Dialog.Ended = ended;
            turn.Dialog.LastActivity = now;
        }
    }

    /// <summary>Forgets sessions idle past the timeout and inputs not answered within it.</summary>
    public void Sweep(DateTimeOffset now)
    {
        lock (_gate)
        {
            foreach (var (key, dialog) in _dialogs)
                if (Expired(dialog.LastActivity, now)) _dialogs.Remove(key);
            foreach (var (id, turn) in _awaitingReply)
                if (Expired(turn.ReceivedAt, now)) _awaitingReply.Remove(id);
        }
    }

    private bool Expired(DateTimeOffset since, DateTimeOffset now) => now - since > timeout;

    private static bool IsIndication(UssdServiceOp operation) => operation is UssdServiceOp.PssrIndication or UssdServiceOp.PssdIndication;

    // The indication again, while its session is open, or an input numbered at or below the latest one.
    private static bool IsRedelivery(UssdDialog dialog, UssdServiceOp operation, int sequence) =>
        IsIndication(operation) ? !dialog.Ended && sequence == dialog.FirstSequence : sequence <= dialog.LastSequence;
}
