using System.Globalization;

namespace SelfService.Smpp;

/// <summary>An SMSC delivery receipt, read from a deliver_sm or data_sm.</summary>
/// <remarks>
/// SMPP v3.4 Appendix B gives the de-facto text format
/// <c>id:IIIIIIIIII sub:SSS dlvrd:DDD submit date:YYMMDDhhmm done date:YYMMDDhhmm stat:DDDDDDD err:E text:...</c>;
/// SMSCs vary it (missing fields, <c>Text:</c>, dates with seconds), and some send only the receipted_message_id and
/// message_state TLVs (section 5.3.2.12 and 5.3.2.35). When both are present the TLVs win for the id and the state.
/// </remarks>
public sealed record DeliveryReceipt
{
    /// <summary>The id of the receipted message as the SMSC wrote it; match it with <see cref="MessageIds"/>.</summary>
    public required string MessageId { get; init; }

    public MessageState State { get; init; } = MessageState.Unknown;

    /// <summary>The stat: field as written (DELIVRD, UNDELIV...), or null.</summary>
    public string? Stat { get; init; }

    /// <summary>The sub: field (messages submitted), when it is a number.</summary>
    public int? Submitted { get; init; }

    /// <summary>The dlvrd: field (messages delivered), when it is a number.</summary>
    public int? Delivered { get; init; }

    /// <summary>The submit date, in the SMSC's local time (the format carries no zone).</summary>
    public DateTime? SubmitDate { get; init; }

    /// <summary>The done date, in the SMSC's local time.</summary>
    public DateTime? DoneDate { get; init; }

    /// <summary>The err: field as written (often a 3-digit network error), or null.</summary>
    public string? Error { get; init; }

    /// <summary>The text: field (the start of the original message), or null.</summary>
    public string? Text { get; init; }

    /// <summary>The network_error_code TLV: network type (1 GSM, 2 ANSI-136, 3 IS-95...) and error code, or null.</summary>
    public (byte NetworkType, ushort ErrorCode)? NetworkErrorCode { get; init; }

    /// <summary>True for the final states (all but enroute and accepted).</summary>
    public bool IsFinal => State is not (MessageState.Enroute or MessageState.Accepted);

    /// <summary>Reads a receipt: esm_class message type SMSC delivery receipt (0x04) or intermediate notification (0x20),
    /// or any message with both receipted_message_id and message_state TLVs.</summary>
    public static bool TryParse(IMessagePdu pdu, out DeliveryReceipt? receipt)
    {
        ArgumentNullException.ThrowIfNull(pdu);
        receipt = null;
        int type = pdu.EsmClass & EsmClass.MessageTypeMask;
        bool flagged = type is EsmClass.SmscDeliveryReceipt or EsmClass.IntermediateDeliveryNotification;
        string? tlvId = pdu.Tlvs.TryGet(TlvTag.ReceiptedMessageId, out var idTlv) ? idTlv.GetCString() : null;
        MessageState? tlvState = pdu.Tlvs.TryGet(TlvTag.MessageState, out var stateTlv) && stateTlv.TryGetByte(out byte s) ? (MessageState)s : null;
        if (!flagged && (tlvId is null || tlvState is null)) return false;

        DeliveryReceipt? parsed = null;
        var data = UserData.Of(pdu).Span;
        if (!data.IsEmpty)
        {
            int udh = (pdu.EsmClass & EsmClass.UdhIndicator) != 0 ? UserData.GetUdhLength(data) : 0;
            // Receipt text is ASCII whatever the data_coding says, except from SMSCs that send it in UCS-2.
            string text = pdu.DataCoding == DataCoding.Ucs2 ? Ucs2TextCodec.Instance.Decode(data, udh) : Latin1TextCodec.Instance.Decode(data, udh);
            parsed = TryParseText(text, out var fromText) ? fromText : null;
        }

        string? id = string.IsNullOrEmpty(tlvId) ? parsed?.MessageId : tlvId;
        if (string.IsNullOrEmpty(id)) return false;
        (byte, ushort)? network = null;
        if (pdu.Tlvs.TryGet(TlvTag.NetworkErrorCode, out var net) && net.Value.Length == 3)
            network = (net.Value.Span[0], (ushort)((net.Value.Span[1] << 8) | net.Value.Span[2]));
        receipt = (parsed ?? new DeliveryReceipt { MessageId = id }) with
        {
            MessageId = id,
            State = tlvState ?? parsed?.State ?? MessageState.Unknown,
            NetworkErrorCode = network,
        };
        return true;
    }

    /// <summary>Reads the text form; needs at least the id: field.</summary>
    public static bool TryParseText(string text, out DeliveryReceipt? receipt)
    {
        ArgumentNullException.ThrowIfNull(text);
        receipt = null;
        string? id = null, sub = null, dlvrd = null, submitDate = null, doneDate = null, stat = null, err = null, body = null;
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            int colon = text.IndexOf(':', i);
            if (colon < 0) break;
            string key = text[i..colon].Trim().ToLowerInvariant();
            int start = colon + 1;
            if (key == "text")
            {
                body = text[start..];
                break;
            }
            int end = start;
            while (end < text.Length && !char.IsWhiteSpace(text[end])) end++;
            string value = text[start..end];
            switch (key)
            {
                case "id": id ??= value; break;
                case "sub": sub = value; break;
                case "dlvrd": dlvrd = value; break;
                case "submit date": submitDate = value; break;
                case "done date": doneDate = value; break;
                case "stat": stat = value; break;
                case "err": err = value; break;
            }
            i = end;
        }
        if (string.IsNullOrEmpty(id)) return false;
        receipt = new DeliveryReceipt
        {
            MessageId = id,
            State = ParseStat(stat),
            Stat = stat,
            Submitted = int.TryParse(sub, NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : null,
            Delivered = int.TryParse(dlvrd, NumberStyles.None, CultureInfo.InvariantCulture, out n) ? n : null,
            SubmitDate = ParseDate(submitDate),
            DoneDate = ParseDate(doneDate),
            Error = err,
            Text = body,
        };
        return true;
    }

    /// <summary>The state a stat: value names; the 7-letter forms of Appendix B and their spelled-out variants.</summary>
    public static MessageState ParseStat(string? stat) => stat?.ToUpperInvariant() switch
    {
        "DELIVRD" or "DELIVERED" => MessageState.Delivered,
        "EXPIRED" => MessageState.Expired,
        "DELETED" => MessageState.Deleted,
        "UNDELIV" or "UNDELIVERABLE" => MessageState.Undeliverable,
        "ACCEPTD" or "ACCEPTED" => MessageState.Accepted,
        "REJECTD" or "REJECTED" => MessageState.Rejected,
        "ENROUTE" => MessageState.Enroute,
        _ => MessageState.Unknown,
    };

    private static DateTime? ParseDate(string? value)
    {
        if (value is null) return null;
        string format = value.Length switch { 10 => "yyMMddHHmm", 12 => "yyMMddHHmmss", _ => "" };
        if (format.Length == 0) return null;
        return DateTime.TryParseExact(value, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
    }
}
