using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfService.Messaging;
using SelfService.Smpp;
using SelfService.Storage.Leases;

namespace SelfService.Channels.Ussd;

/// <summary>
/// USSD over SMPP 3.4. Inbound: a deliver_sm (or data_sm) with ussd_service_op PSSR indication (the dialled string, e.g.
/// *100#), USSR confirm (the subscriber's answer) or PSSD indication → accepted by the pipeline → only then
/// deliver_sm_resp Ok. Outbound: the reply to that input as a submit_sm with ussd_service_op USSR request (the session
/// goes on: the reply has choices), PSSR response (it ends) or PSSD response, and its_session_info with the session
/// number, the next sequence number and, when ending, the end flag. With <see cref="UssdSmppOptions.OnSmsBind"/> the
/// transport has no bind of its own: the SMS bind hands it the messages that carry ussd_service_op, and the answers go
/// out on that bind. A bind of its own is held under a lease (<see cref="LeaseName"/>) where gateways share a store, as
/// the SMS binds are: open on one instance at a time, fenced so a stale owner neither stores an input nor submits.
/// </summary>
internal sealed partial class UssdSmppTransport : IUssdTransport, ISmppInboundHandler, ISmppSharedBindHandler, IAsyncDisposable
{
    private readonly UssdSmppOptions _options;
    private readonly IInboundSink _sink;
    private readonly MsisdnNormalizer _msisdns;
    private readonly UssdSmppSessions _sessions;
    private readonly TimeProvider _time;
    private readonly ILogger<UssdSmppTransport> _logger;
    private readonly Func<SmppClient>? _newClient;
    private volatile SmppClient? _ownBind;
    private HeldLease? _lease;   // set when a holding starts, read on the SMPP client's threads: Volatile.Read

    /// <summary>The USSD bind's lease: one instance among those sharing a store holds it and has the bind open.</summary>
    public const string LeaseName = "ussd:bind";

    public UssdSmppTransport(IOptions<UssdOptions> options, IInboundSink sink, TimeProvider time, ILoggerFactory loggers)
    {
        _options = options.Value.Smpp;
        _sink = sink;
        _msisdns = new MsisdnNormalizer(options.Value.DefaultRegion);
        _sessions = new UssdSmppSessions(_options.SessionTimeout);
        _time = time;
        _logger = loggers.CreateLogger<UssdSmppTransport>();
        if (!_options.OnSmsBind)
        {
            var clientLogger = loggers.CreateLogger<SmppClient>();
            // A client is started once: each holding of the lease gets a fresh one. It submits nothing once the lease is gone.
            _newClient = () => new SmppClient(_options.Connection, this, time, clientLogger, mayTransmit: () => LeaseIsValid);
            _ownBind = _newClient();
        }
    }

    /// <summary>The USSD bind, unless USSD comes on the SMS bind; <see cref="UssdSmppService"/> runs it while this instance holds its lease.</summary>
    public SmppClient? OwnBind => _ownBind;

    /// <summary>The bind's lease is not this instance's now: another instance holds the bind (or none does yet).</summary>
    public bool Standby { get; internal set; }

    /// <summary>No lease (not held under one), or one still certainly this instance's.</summary>
    private bool LeaseIsValid => Volatile.Read(ref _lease) is not { IsValid: false };

    /// <summary>Opens the bind for as long as <paramref name="lease"/> holds, and drops it the moment the lease is lost.</summary>
    internal async Task RunOwnBindAsync(HeldLease lease, CancellationToken lost)
    {
        var client = _ownBind!;
        Volatile.Write(ref _lease, lease);
        Standby = false;
        await client.StartAsync(lost);
        try
        {
            await Task.Delay(Timeout.Infinite, lost);
        }
        catch (OperationCanceledException) when (lost.IsCancellationRequested)
        {
        }
        finally
        {
            // A gateway stopping drains what is in flight; one that lost the lease unbinds at once (the new owner may bind).
            using var drain = new CancellationTokenSource();
            if (!lease.IsValid) await drain.CancelAsync();
            await client.StopAsync(drain.Token);
            Standby = true;
            _ownBind = _newClient!();
            await client.DisposeAsync();
        }
    }

    public bool Carries(OutboundMessage reply) => reply.InReplyTo is { } inboundId && _sessions.IsAwaiting(inboundId);

    public async Task<SendResult> SendAsync(OutboundMessage reply, CancellationToken cancellationToken)
    {
        var inboundId = reply.InReplyTo!;
        if (_sessions.Awaiting(inboundId, _time.GetUtcNow()) is not { } turn)
            return SendResult.Fail($"the USSD session timed out: the reply was not ready within {_options.SessionTimeout}");
        var bind = turn.Dialog.Bind;
        // The session lives on the bind that carried it, which this instance no longer holds: nobody can answer it now.
        if ((bind != _ownBind && !_options.OnSmsBind) || !LeaseIsValid)
            return SendResult.Fail("this instance lost the USSD bind's lease, and the session with it");
        if (bind.State != SmppSessionState.Bound) return SendResult.Retry("the USSD bind is down; waiting for it to come back");

        // PSSD (phase 1) has no dialogue: its one response ends it. A reply without choices ends a PSSR session.
        var ends = turn.Operation == UssdServiceOp.PssdIndication || !UssdAdapter.ContinuesSession(reply);
        var operation = turn.Operation == UssdServiceOp.PssdIndication ? UssdServiceOp.PssdResponse
            : ends ? UssdServiceOp.PssrResponse : UssdServiceOp.UssrRequest;
        try
        {
            await bind.SubmitAsync(Answer(turn, reply.Text, operation, ends), cancellationToken);
        }
        catch (SmppCommandException ex) when (ex.IsTransient)
        {
            return SendResult.Retry($"the SMSC is busy ({ex.Status})", _options.Connection.ThrottledBackoff);
        }
        catch (SmppCommandException ex)
        {
            return SendResult.Fail($"the SMSC refused it: {ex.Status}");
        }
        catch (SmppInvalidPduException ex)
        {
            return SendResult.Fail("the reply does not fit a submit_sm: " + ex.Message);
        }
        catch (SmppConnectionException ex)
        {
            // No submit_sm_resp came on the connection that carried it, so the SMSC did not take it: send it on the next bind.
            return SendResult.Retry("the bind dropped before the SMSC accepted the reply: " + ex.Message);
        }
        catch (SmppResponseTimeoutException ex)
        {
            // The answer may still come; a second copy would show the subscriber the same screen twice.
            LogUnconfirmed(reply.Id, ex.Message);
            _sessions.Answered(inboundId, turn, ends, _time.GetUtcNow());
            return new SendResult(SendStatus.Sent, "unconfirmed: " + ex.Message);
        }
        _sessions.Answered(inboundId, turn, ends, _time.GetUtcNow());
        return SendResult.Sent;
    }

    public ValueTask<CommandStatus> OnDeliverAsync(DeliverSm pdu, CancellationToken cancellationToken) => OnUssdAsync(pdu, _ownBind!, OwnFence(), cancellationToken);

    public ValueTask<CommandStatus> OnDataSmAsync(DataSm pdu, CancellationToken cancellationToken) => OnUssdAsync(pdu, _ownBind!, OwnFence(), cancellationToken);

    /// <summary>What an input on the own bind is stored with: the lease and its token, so a stale owner's input is refused.</summary>
    private ConnectionFence? OwnFence() => Volatile.Read(ref _lease) is { } lease ? new ConnectionFence(lease.Name, lease.Token) : null;

    public bool Claims(IMessagePdu pdu) => _options.OnSmsBind && pdu.Tlvs.TryGet(TlvTag.UssdServiceOp, out _);

    public ValueTask<CommandStatus> OnMessageAsync(IMessagePdu pdu, SmppClient bind, CancellationToken cancellationToken) =>
        OnUssdAsync(pdu, bind, null, cancellationToken);

    /// <summary>Forgets sessions and inputs past the timeout.</summary>
    public void Sweep() => _sessions.Sweep(_time.GetUtcNow());

    public ValueTask DisposeAsync() => _ownBind?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async ValueTask<CommandStatus> OnUssdAsync(IMessagePdu pdu, SmppClient bind, ConnectionFence? fence, CancellationToken cancellationToken)
    {
        // Whatever is not an input to answer is acknowledged and dropped: refusing would only make the SMSC redeliver it.
        if (!pdu.Tlvs.TryGet(TlvTag.UssdServiceOp, out var tlv) || !tlv.TryGetByte(out var value))
        {
            LogNotUssd(pdu.SourceAddr);
            return CommandStatus.Ok;
        }
        var operation = (UssdServiceOp)value;
        if (operation is not (UssdServiceOp.PssrIndication or UssdServiceOp.UssrConfirm or UssdServiceOp.PssdIndication))
        {
            // A USSN confirm acknowledges a notification (the gateway sends none); requests and responses go the other way.
            LogNotAnInput(operation, pdu.SourceAddr);
            return CommandStatus.Ok;
        }
        if (!_msisdns.TryNormalize(pdu.SourceAddr, out var msisdn))
        {
            LogNotAPhone(pdu.SourceAddr);
            return CommandStatus.Ok;
        }

        var now = _time.GetUtcNow();
        var text = MessageContent.Read(pdu).Text?.Trim() ?? "\uFFFD";
        var turn = _sessions.Receive(msisdn, pdu, bind, operation, UssdSessionInfo.Read(pdu.Tlvs), now);
        var message = InboundMessage.Received(ChannelNames.Ussd, turn.ChannelMessageId, msisdn, text, turn.Dialog.Id, now) with { Fence = fence };
        // Before accepting: the reply may be on its way before AcceptAsync returns.
        _sessions.AwaitReply(message.Id, turn);
        var accepted = await _sink.AcceptAsync(message, cancellationToken);
        if (accepted.MessageId != message.Id)
        {
            // A redelivery: the reply, if still to come, answers the first copy.
            _sessions.Forget(message.Id);
            _sessions.AwaitReply(accepted.MessageId, turn);
        }
        return CommandStatus.Ok;
    }

    private SubmitSm Answer(UssdTurn turn, string text, UssdServiceOp operation, bool ends)
    {
        var codec = SmsTextCodecs.Choose(text);
        if (codec.DataCoding == DataCoding.SmscDefault) codec = SmsTextCodecs.ForDataCoding(_options.GsmDataCoding)!;
        var service = turn.Dialog.Service.Address.Length > 0 ? turn.Dialog.Service : new UssdParty(_options.SourceAddress, _options.SourceTon, _options.SourceNpi);
        var subscriber = turn.Dialog.Subscriber;
        var op = Tlv.FromByte(TlvTag.UssdServiceOp, (byte)operation);
        return new SubmitSm
        {
            ServiceType = _options.ServiceType,
            SourceAddr = service.Address, SourceAddrTon = service.Ton, SourceAddrNpi = service.Npi,
            DestinationAddr = subscriber.Address, DestAddrTon = subscriber.Ton, DestAddrNpi = subscriber.Npi,
            DataCoding = codec.DataCoding,
            ShortMessage = codec.Encode(text),
            Tlvs = turn.SessionInfo is { } info ? [op, info.Next(ends).ToTlv()] : [op],
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "USSD reply {OutboxId} went out but the SMSC did not confirm it: {Reason}")]
    private partial void LogUnconfirmed(string outboxId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A message from {Source} without ussd_service_op arrived on the USSD bind and was dropped")]
    private partial void LogNotUssd(string source);

    [LoggerMessage(Level = LogLevel.Information, Message = "USSD {Operation} from {Source} needs no answer and was acknowledged")]
    private partial void LogNotAnInput(UssdServiceOp operation, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "USSD from {Source}, which is not a phone number, was dropped")]
    private partial void LogNotAPhone(string source);
}
