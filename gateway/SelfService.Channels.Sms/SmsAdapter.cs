using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfService.Smpp;

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
    private readonly MoDeduplicator _deduplicator;
    private readonly ConcatenatedPartStore _parts;
    private readonly SubmissionStore _submissions;
    private readonly MsisdnNormalizer _msisdns;
    private readonly MessageSplitter _splitter;
    private readonly SmsTextOptions _text;
    private readonly TimeProvider _time;
    private readonly ILogger<SmsAdapter> _logger;

    public SmsAdapter(
        IOptions<SmsOptions> options, IInboundSink sink, LiteDB.ILiteDatabase database, SubmissionStore submissions, TimeProvider time,
        ILoggerFactory loggers)
    {
        _options = options.Value;
        _sink = sink;
        _deduplicator = new MoDeduplicator(database, _options.DuplicateWindow);
        _parts = new ConcatenatedPartStore(database);
        _submissions = submissions;
        _msisdns = new MsisdnNormalizer(_options.DefaultRegion);
        _text = new SmsTextOptions { PackGsm7 = _options.PackGsm7, AllowLatin1 = _options.AllowLatin1 };
        _splitter = new MessageSplitter(new MessageSplitterOptions { Method = _options.Concatenation, Text = _text, MaxParts = 255 });
        _time = time;
        _logger = loggers.CreateLogger<SmsAdapter>();
        // Sends are idempotent by outbox id: parts the SMSC acknowledged are recorded, and a send finds them (below).
        // So after a crash the outbox sends again what was in flight, and only a submit that was on the wire without
        // its answer yet (at most the window) can reach the customer twice.
        Profile = new ChannelProfile(ChannelNames.Sms, ReplyForm.Short, _options.MaxParts, SenderIsMsisdn: true, IdempotentSends: true);
        Client = new SmppClient(_options.Smpp, this, time, loggers.CreateLogger<SmppClient>());
    }

    public ChannelProfile Profile { get; }

    /// <summary>The bind to the SMSC; the channel's hosted service starts and stops it.</summary>
    public SmppClient Client { get; }

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        var acknowledged = _submissions.ForOutbox(message.Id);
        if (acknowledged.Count > 0)
        {
            // Sent before a restart: the SMSC has it (or the parts it acknowledged) already.
            return acknowledged.Count >= acknowledged[0].Parts
                ? SendResult.Sent
                : new SendResult(SendStatus.Sent, $"partly sent before a restart: {acknowledged.Count} of {acknowledged[0].Parts} parts; not repeated");
        }
        if (Client.State != SmppSessionState.Bound) return SendResult.Retry("the SMSC bind is down; waiting for it to come back");
        var template = new SubmitSm
        {
            SourceAddr = _options.SourceAddress, SourceAddrTon = _options.SourceTon, SourceAddrNpi = _options.SourceNpi,
            DestinationAddr = message.Address.TrimStart('+'), DestAddrTon = TypeOfNumber.International, DestAddrNpi = NumberingPlan.Isdn,
            RegisteredDelivery = _options.RequestDeliveryReceipts ? (byte)1 : (byte)0,
        };
        try
        {
            var responses = await Client.SubmitTextAsync(template, message.Text, _splitter, cancellationToken);
            Record(message.Id, responses, responses.Count);
            return SendResult.Sent;
        }
        catch (SmppPartialSubmitException ex)
        {
            // Some parts went: sending the whole text again would repeat them. Record what went and stop.
            Record(message.Id, ex.Submitted, ex.TotalParts);
            return SendResult.Fail($"part {ex.FailedPart} of {ex.TotalParts} was not accepted: {ex.InnerException?.Message}");
        }
        catch (SmppCommandException ex) when (ex.IsTransient)
        {
            return SendResult.Retry($"the SMSC is busy ({ex.Status})", TimeSpan.FromSeconds(5));
        }
        catch (SmppCommandException ex)
        {
            return SendResult.Fail($"the SMSC refused it: {ex.Status}");
        }
        catch (SmppConnectionException ex)
        {
            // The SMSC takes responsibility for a message with its submit_sm_resp. The connection that carried this
            // one is gone without that answer, so no copy is in flight any more: submit it again on the next bind.
            return SendResult.Retry("the bind dropped before the SMSC accepted the message: " + ex.Message);
        }
        catch (SmppResponseTimeoutException ex)
        {
            // The connection lives and the answer may still come: submitting again now is how gateways send duplicates.
            // Counted as sent, with a note. Without its message id no receipt can be matched to it; that is the price.
            LogUnconfirmed(message.Id, ex.Message);
            return new SendResult(SendStatus.Sent, "unconfirmed: " + ex.Message);
        }
    }

    public async ValueTask<CommandStatus> OnDeliverAsync(DeliverSm pdu, CancellationToken cancellationToken) =>
        await OnMessageAsync(pdu, cancellationToken);

    public async ValueTask<CommandStatus> OnDataSmAsync(DataSm pdu, CancellationToken cancellationToken) =>
        await OnMessageAsync(pdu, cancellationToken);

    /// <summary>Gives up on concatenated messages whose parts stopped coming, and tells each customer to send again.</summary>
    public async Task ExpireIncompleteAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        _deduplicator.Sweep(now);
        _submissions.ForgetEarlyReceipts(now - TimeSpan.FromHours(1));
        foreach (var set in _parts.TakeExpired(now - _options.ConcatenationTimeout))
        {
            var first = set[0];
            LogIncomplete(first.Source, set.Count, first.Total);
            var notice = SelfService.Channels.Text.SmsLength.Measure(string.Concat(set.Select(p => p.Text))).Encoding == SelfService.Channels.Text.SmsEncoding.Ucs2
                ? "Ваше сообщение пришло не полностью. Пожалуйста, отправьте его ещё раз."
                : "Your message arrived incomplete. Please send it again.";
            try
            {
                await Client.SubmitTextAsync(new SubmitSm
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

    public ValueTask DisposeAsync() => Client.DisposeAsync();

    private async ValueTask<CommandStatus> OnMessageAsync(IMessagePdu pdu, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (DeliveryReceipt.TryParse(pdu, out var receipt) && receipt is not null)
        {
            var matched = _submissions.ApplyReceipt(MessageIds.MatchKeys(receipt.MessageId, MessageIdOrigin.Receipt), StateOf(receipt), receipt.Error, now);
            if (!matched) LogUnmatchedReceipt(receipt.MessageId);
            return CommandStatus.Ok;
        }
        if ((pdu.EsmClass & EsmClass.MessageTypeMask) != 0)
        {
            // A receipt or acknowledgement (esm_class bits 5-2, section 5.2.12) too garbled to read: never the customer's words.
            LogUnreadableReceipt(pdu.SourceAddr, pdu.EsmClass);
            return CommandStatus.Ok;
        }
        if (pdu.Tlvs.TryGet(TlvTag.UssdServiceOp, out _))
        {
            // USSD has its own channel and bind; an SMSC that mixes them in must be configured to route USSD elsewhere.
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
            var complete = _parts.Add(new StoredPart
            {
                SetKey = setKey, Source = msisdn, Destination = pdu.DestinationAddr, Sequence = part.Sequence, Total = part.Total,
                Text = text, DataCoding = content.DataCoding, ReceivedAt = now,
            });
            if (complete is null) return CommandStatus.Ok;   // this part is stored: the SMSC may forget it
            if (complete.Count == 0) return CommandStatus.Ok;   // a redelivered part of a message accepted already
            text = string.Concat(complete.Select(p => p.Text));
            await AcceptAsync(msisdn, pdu.DestinationAddr, content.DataCoding, text, now, cancellationToken);
            _parts.MarkAccepted(setKey);
            return CommandStatus.Ok;
        }

        await AcceptAsync(msisdn, pdu.DestinationAddr, content.DataCoding, text, now, cancellationToken);
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

    private async Task AcceptAsync(string msisdn, string destination, byte dataCoding, string text, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var channelMessageId = _deduplicator.ChannelMessageId(msisdn, destination, dataCoding, System.Text.Encoding.UTF8.GetBytes(text), now);
        await _sink.AcceptAsync(InboundMessage.Received(ChannelNames.Sms, channelMessageId, msisdn, text, msisdn, now), cancellationToken);
    }

    private void Record(string outboxId, IReadOnlyList<SubmitSmResp> responses, int parts)
    {
        var now = _time.GetUtcNow();
        for (var i = 0; i < responses.Count; i++)
        {
            var id = responses[i].MessageId;
            _submissions.Record(new SmsSubmission
            {
                Id = outboxId + "#" + (i + 1), OutboxId = outboxId, Part = i + 1, Parts = parts, SmscMessageId = id,
                MatchKeys = [.. MessageIds.MatchKeys(id, MessageIdOrigin.SubmitResponse)], SubmittedAt = now,
            });
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMS {OutboxId} went out but the SMSC did not confirm it: {Reason}")]
    private partial void LogUnconfirmed(string outboxId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "A delivery receipt for {MessageId} matches no submitted message yet; it is kept for an hour in case its submit_sm_resp is still on its way")]
    private partial void LogUnmatchedReceipt(string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A delivery receipt or acknowledgement from {Source} (esm_class {EsmClass}) could not be read and was dropped")]
    private partial void LogUnreadableReceipt(string source, byte esmClass);

    [LoggerMessage(Level = LogLevel.Warning, Message = "USSD from {Source} arrived on the SMS bind and was not processed")]
    private partial void LogUssdOnSmsBind(string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An SMS from {Source}, which is not a phone number, was dropped")]
    private partial void LogNotAPhone(string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A concatenated SMS from {Msisdn} stayed incomplete ({Received} of {Total} parts)")]
    private partial void LogIncomplete(string msisdn, int received, int total);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell {Msisdn} that their message was incomplete")]
    private partial void LogNoticeFailed(Exception exception, string msisdn);
}
