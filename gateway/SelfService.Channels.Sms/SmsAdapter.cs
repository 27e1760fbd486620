using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfService.Channels.Smpp;
using SelfService.Messaging;
using SelfService.Messaging.Text;
using SelfService.Smpp;
using SelfService.Storage.Channels;
using SelfService.Storage.Messages;

namespace SelfService.Channels.Sms;

/// <summary>
/// SMS over SMPP 3.4. Inbound: deliver_sm → (parts stored until complete) → envelope with the sender in E.164 →
/// accepted by the pipeline → only then deliver_sm_resp Ok. Delivery receipts update the submitted parts.
/// Outbound: the reply is split as the options say and submitted part by part through the bind's window.
/// </summary>
public sealed partial class SmsAdapter : IChannelAdapter, ISmppInboundHandler, IAsyncDisposable
{
    private readonly SmsOptions _options;
    private readonly IInboundSink _sink;
    private readonly IConcatenatedPartStore _parts;
    private readonly IOutbox _outbox;
    private readonly MsisdnNormalizer _msisdns;
    private readonly MessageSplitter _splitter;
    private readonly SmsTextOptions _text;
    private readonly IReadOnlyList<ISmppSharedBindHandler> _sharedBind;
    private readonly TimeProvider _time;
    private readonly ILogger<SmsAdapter> _logger;

    public SmsAdapter(
        IOptions<SmsOptions> options, IInboundSink sink, IConcatenatedPartStore parts, IOutbox outbox, TimeProvider time,
        ILoggerFactory loggers, IEnumerable<ISmppSharedBindHandler>? sharedBind = null)
    {
        _sharedBind = sharedBind?.ToList() ?? [];
        _options = options.Value;
        _sink = sink;
        _parts = parts;
        _outbox = outbox;
        _msisdns = new MsisdnNormalizer(_options.DefaultRegion);
        _text = new SmsTextOptions { PackGsm7 = _options.PackGsm7, AllowLatin1 = _options.AllowLatin1 };
        _splitter = new MessageSplitter(new MessageSplitterOptions { Method = _options.Concatenation, Text = _text, MaxParts = 255 });
        _time = time;
        _logger = loggers.CreateLogger<SmsAdapter>();
        // Sends are idempotent by outbox id: the parts the SMSC acknowledged are stored with the message, and a send resumes
        // after them (below). So after a crash the outbox sends again what was in flight, and only a submit that was on the
        // wire without its answer stored yet can reach the customer twice.
        // Replies are shortened to MaxParts as this channel cuts them; a message_payload is cut by the SMSC, with a UDH each.
        var measure = new MessageSplitter(new MessageSplitterOptions
        {
            Method = _options.Concatenation == ConcatenationMethod.MessagePayload ? ConcatenationMethod.Udh8BitReference : _options.Concatenation,
            Text = _text,
        });
        Profile = new ChannelProfile(ChannelNames.Sms, ReplyForm.Short, _options.MaxParts, SenderIsMsisdn: true, IdempotentSends: true,
            PartsOf: measure.CountParts, Measure: GsmMeasure.Measure);
        var clientLogger = loggers.CreateLogger<SmppClient>();
        Binds = [.. _options.AllBinds.Select((bind, i) => new SmsBind(i, bind, this, b => new SmppClient(b.Options, b, time, clientLogger, mayTransmit: () => b.LeaseIsValid)))];
    }

    public ChannelProfile Profile { get; }

    /// <summary>The binds to the SMSC (<see cref="SmsOptions.Smpp"/> first); the channel's hosted service opens each under its lease.</summary>
    public IReadOnlyList<SmsBind> Binds { get; }

    /// <summary>The first bind's session.</summary>
    public SmppClient Client => Binds[0].Client;

    /// <summary>Some bind is open on this instance (and certainly still its own).</summary>
    public bool CanSendNow => Binds.Any(b => b.CanSend);

    /// <summary>No bind is this instance's: each waits for its lease, or was lost with it.</summary>
    public bool HeldElsewhere => Binds.All(b => b.Standby || !b.LeaseIsValid);

    private int _nextBind;

    /// <summary>The binds open here, taken in turn.</summary>
    private SmsBind? PickBind()
    {
        var start = Interlocked.Increment(ref _nextBind);
        for (var i = 0; i < Binds.Count; i++)
        {
            var bind = Binds[(int)((uint)(start + i) % (uint)Binds.Count)];
            if (bind.CanSend) return bind;
        }
        return null;
    }

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        if (PickBind() is not { } bind) return SendResult.Unavailable("the SMSC bind is down (or held by another instance); waiting for it to come back");
        var template = new SubmitSm
        {
            SourceAddr = _options.SourceAddress, SourceAddrTon = _options.SourceTon, SourceAddrNpi = _options.SourceNpi,
            DestinationAddr = message.Address.TrimStart('+'), DestAddrTon = TypeOfNumber.International, DestAddrNpi = NumberingPlan.Isdn,
            RegisteredDelivery = _options.RequestDeliveryReceipts ? (byte)1 : (byte)0,
        };
        // The same split and the same concatenation reference on every attempt, so that a resumed send completes the
        // message the handset is already assembling.
        var split = _splitter.Split(message.Text, ConcatenationReference(message.Id));
        var total = split.Parts.Count;
        var accepted = new List<AcceptedPart>(total);
        foreach (var part in split.Parts.Skip(message.AcceptedParts))
        {
            // Checked before every part: an instance paused past its lease finds it invalid the moment it runs again, and
            // sends nothing more on a bind that is another instance's now.
            if (!bind.LeaseIsValid) return Outcome(SendStatus.ChannelUnavailable, "this instance lost the bind's lease; its new owner sends the rest");
            try
            {
                var response = await bind.Client.SubmitAsync(part.ApplyTo(template), cancellationToken);
                accepted.Add(new AcceptedPart(part.Number, total, response.MessageId, MessageIds.MatchKeys(response.MessageId, MessageIdOrigin.SubmitResponse)));
            }
            catch (SmppCommandException ex) when (ex.IsTransient)
            {
                return Outcome(SendStatus.RetryableFailure, $"the SMSC is busy ({ex.Status})", TimeSpan.FromSeconds(5));
            }
            catch (SmppCommandException ex)
            {
                // Parts that went stay recorded; the rest of the message is refused for good.
                return Outcome(SendStatus.PermanentFailure, $"the SMSC refused part {part.Number} of {total}: {ex.Status}");
            }
            catch (SmppConnectionException ex)
            {
                // The SMSC takes responsibility for a part with its submit_sm_resp. The connection that carried this one is
                // gone without that answer, so no copy is in flight any more: the message resumes with it on the next bind.
                return Outcome(SendStatus.RetryableFailure, $"the bind dropped before the SMSC accepted part {part.Number} of {total}: " + ex.Message);
            }
            catch (SmppResponseTimeoutException ex)
            {
                // The connection lives and the answer may still come: submitting again now is how gateways send duplicates.
                // Counted as sent, with a note. Without its message id no receipt can be matched to it; that is the price.
                LogUnconfirmed(message.Id, ex.Message);
                return Outcome(SendStatus.Sent, "unconfirmed: " + ex.Message);
            }
        }
        return Outcome(SendStatus.Sent, null);

        SendResult Outcome(SendStatus status, string? error, TimeSpan? retryAfter = null) => new(status, error, retryAfter, accepted);
    }

    /// <summary>A concatenation reference of the message's own (the UDH carries 8 or 16 bits of it), the same on every attempt.</summary>
    private static int ConcatenationReference(string outboxId) =>
        BitConverter.ToUInt16(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(outboxId)), 0);

    public ValueTask<CommandStatus> OnDeliverAsync(DeliverSm pdu, CancellationToken cancellationToken) => OnMessageAsync(pdu, Binds[0], cancellationToken);

    public ValueTask<CommandStatus> OnDataSmAsync(DataSm pdu, CancellationToken cancellationToken) => OnMessageAsync(pdu, Binds[0], cancellationToken);

    /// <summary>Gives up on concatenated messages whose parts stopped coming, and tells each customer to send again.</summary>
    public async Task ExpireIncompleteAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        await _outbox.ForgetEarlyReceiptsAsync(now - TimeSpan.FromHours(1), cancellationToken);
        if (HeldElsewhere) return;   // the instance that holds a bind tells the customers
        foreach (var set in await _parts.TakeExpiredAsync(now - _options.ConcatenationTimeout, cancellationToken))
        {
            var first = set[0];
            LogIncomplete(first.Source, set.Count, first.Total);
            var notice = GsmMeasure.Measure(string.Concat(set.Select(p => p.Text))).Encoding == SelfService.Messaging.Text.SmsEncoding.Ucs2
                ? "Ваше сообщение пришло не полностью. Пожалуйста, отправьте его ещё раз."
                : "Your message arrived incomplete. Please send it again.";
            if (PickBind() is not { } bind)
            {
                LogNoticeFailed(new SmppConnectionException("no SMSC bind is up", writtenToSocket: false), first.Source);
                continue;   // as when a submit fails: the customer is not told, the parts are logged above
            }
            try
            {
                await bind.Client.SubmitTextAsync(new SubmitSm
                {
                    SourceAddr = _options.SourceAddress, SourceAddrTon = _options.SourceTon, SourceAddrNpi = _options.SourceNpi,
                    DestinationAddr = first.Source.TrimStart('+'), DestAddrTon = TypeOfNumber.International, DestAddrNpi = NumberingPlan.Isdn,
                }, notice, _splitter, cancellationToken);
            }
            catch (SmppException ex)
            {
                LogNoticeFailed(ex, first.Source);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var bind in Binds) await bind.Client.DisposeAsync();
    }

    internal async ValueTask<CommandStatus> OnMessageAsync(IMessagePdu pdu, SmsBind bind, CancellationToken cancellationToken)
    {
        await bind.InboundOpen.WaitAsync(cancellationToken);
        var fence = bind.Lease is { } lease ? new ConnectionFence(lease.Name, lease.Token) : null;
        var now = _time.GetUtcNow();
        if (DeliveryReceipt.TryParse(pdu, out var receipt) && receipt is not null)
        {
            var matched = await _outbox.ApplyReceiptAsync(MessageIds.MatchKeys(receipt.MessageId, MessageIdOrigin.Receipt), StateOf(receipt), receipt.Error, now, cancellationToken);
            if (!matched) LogUnmatchedReceipt(receipt.MessageId);
            return CommandStatus.Ok;
        }
        if ((pdu.EsmClass & EsmClass.MessageTypeMask) != 0)
        {
            // A receipt or acknowledgement (esm_class bits 5-2, section 5.2.12) too garbled to read: never the customer's words.
            LogUnreadableReceipt(pdu.SourceAddr, pdu.EsmClass);
            return CommandStatus.Ok;
        }
        foreach (var handler in _sharedBind)
        {
            // USSD on this bind (Channels:Ussd:Smpp:OnSmsBind): the USSD channel answers it, here.
            if (handler.Claims(pdu)) return await handler.OnMessageAsync(pdu, bind.Client, cancellationToken);
        }
        if (pdu.Tlvs.TryGet(TlvTag.UssdServiceOp, out _))
        {
            // Never the customer's words for an SMS answer: USSD is off for this bind, so it is acknowledged and dropped.
            LogUssdOnSmsBind(pdu.SourceAddr);
            return CommandStatus.Ok;
        }
        if (!TryReadSender(pdu, out var msisdn))
        {
            LogNotAPhone(pdu.SourceAddr);
            return CommandStatus.Ok;   // nobody to answer; refusing would only make the SMSC redeliver it forever
        }

        var content = MessageContent.Read(pdu, _text);
        // An unknown data_coding still reaches the processor, which asks the customer for plain text.
        var text = content.Text ?? "\uFFFD";
        if (content.Concatenation is { } part)
        {
            var setKey = $"{msisdn}|{pdu.DestinationAddr}|{part.Reference}|{part.Total}";
            var complete = await _parts.AddAsync(new ConcatenatedPart
            {
                SetKey = setKey, Source = msisdn, Destination = pdu.DestinationAddr, Sequence = part.Sequence, Total = part.Total,
                Text = text, DataCoding = content.DataCoding, ReceivedAt = now,
            }, cancellationToken);
            if (complete is null) return CommandStatus.Ok;   // this part is stored: the SMSC may forget it
            if (complete.Count == 0) return CommandStatus.Ok;   // a redelivered part of a message accepted already
            text = string.Concat(complete.Select(p => p.Text));
            await AcceptAsync(msisdn, pdu.DestinationAddr, content.DataCoding, text, now, fence, cancellationToken);
            await _parts.MarkAcceptedAsync(setKey, cancellationToken);
            return CommandStatus.Ok;
        }

        await AcceptAsync(msisdn, pdu.DestinationAddr, content.DataCoding, text, now, fence, cancellationToken);
        return CommandStatus.Ok;
    }

    /// <summary>TON 1 (international) says the country code is there, so a short foreign number (+354 611 1234) is not read as
    /// a national one of <see cref="SmsOptions.DefaultRegion"/>; a national number an SMSC mislabels TON 1 ("8916...") still
    /// gets the guess.</summary>
    private bool TryReadSender(IMessagePdu pdu, out string msisdn)
    {
        if (pdu.SourceAddrTon == TypeOfNumber.International && _msisdns.TryNormalize("+" + pdu.SourceAddr.TrimStart('+'), out msisdn)) return true;
        return _msisdns.TryNormalize(pdu.SourceAddr, out msisdn);
    }

    /// <summary>The state in the stat: words of SMPP 3.4 Appendix B (DELIVRD, UNDELIV...), the vocabulary of
    /// <see cref="SmsSubmission.DeliveryState"/>, whether the receipt came as text or as TLVs only. <see cref="DeliveryReceipt.State"/>
    /// is the message_state TLV when there is one (it wins over the text); a stat: word the library cannot map is kept as written.</summary>
    private static string StateOf(DeliveryReceipt receipt) => receipt.State switch
    {
        MessageState.Enroute => "ENROUTE",
        MessageState.Delivered => "DELIVRD",
        MessageState.Expired => "EXPIRED",
        MessageState.Deleted => "DELETED",
        MessageState.Undeliverable => "UNDELIV",
        MessageState.Accepted => "ACCEPTD",
        MessageState.Rejected => "REJECTD",
        _ => string.IsNullOrEmpty(receipt.Stat) ? "UNKNOWN" : receipt.Stat.ToUpperInvariant(),
    };

    /// <summary>
    /// SMPP 3.4 gives a mobile-originated message no id, and an SMSC redelivers a deliver_sm whose response it did not
    /// get. A redelivery is byte-for-byte the same message from the same number, so the channel message id is a hash of
    /// the content, and the inbound log takes the same id within <see cref="SmsOptions.DuplicateWindow"/> for the same
    /// message (after a crash and restart too). The price: the same text from the same number twice within the window
    /// counts once.
    /// </summary>
    private async Task AcceptAsync(string msisdn, string destination, byte dataCoding, string text, DateTimeOffset now, ConnectionFence? fence,
        CancellationToken cancellationToken)
    {
        var key = ContentKey(msisdn, destination, dataCoding, text);
        var window = _options.DuplicateWindow > TimeSpan.Zero ? _options.DuplicateWindow : (TimeSpan?)null;
        var channelMessageId = window is null ? key + ":" + now.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture) : key;
        await _sink.AcceptAsync(InboundMessage.Received(ChannelNames.Sms, channelMessageId, msisdn, text, msisdn, now) with { RedeliveryWindow = window, Fence = fence },
            cancellationToken);
    }

    private static string ContentKey(string source, string destination, byte dataCoding, string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes($"{source}|{destination}|{dataCoding}|{text}");
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes).AsSpan(0, 16));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMS {OutboxId} went out but the SMSC did not confirm it: {Reason}")]
    private partial void LogUnconfirmed(string outboxId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "A delivery receipt for {MessageId} matches no submitted message yet; it is kept for an hour in case its submit_sm_resp is still on its way")]
    private partial void LogUnmatchedReceipt(string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A delivery receipt or acknowledgement from {Source} (esm_class {EsmClass}) could not be read and was dropped")]
    private partial void LogUnreadableReceipt(string source, byte esmClass);

    [LoggerMessage(Level = LogLevel.Warning, Message = "USSD from {Source} arrived on the SMS bind and was not processed: set Channels:Ussd:Smpp:Enabled and Channels:Ussd:Smpp:OnSmsBind to answer it")]
    private partial void LogUssdOnSmsBind(string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An SMS from {Source}, which is not a phone number, was dropped")]
    private partial void LogNotAPhone(string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A concatenated SMS from {Msisdn} stayed incomplete ({Received} of {Total} parts)")]
    private partial void LogIncomplete(string msisdn, int received, int total);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell {Msisdn} that their message was incomplete")]
    private partial void LogNoticeFailed(Exception exception, string msisdn);
}
