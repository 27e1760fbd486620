namespace SelfService.Smpp;

/// <summary>What a received deliver_sm or data_sm says: its text (UDH stripped), and where it sits in a long message.</summary>
/// <param name="Text">The decoded text, or null when the data_coding is binary or unknown.</param>
/// <param name="UserData">The user data without the UDH.</param>
/// <param name="Udh">The UDH, UDHL included (empty when there is none).</param>
/// <param name="DataCoding">The data_coding of the PDU.</param>
/// <param name="Concatenation">The part's place in a concatenated message, or null for a whole message.</param>
public sealed record MessageContent(string? Text, ReadOnlyMemory<byte> UserData, ReadOnlyMemory<byte> Udh, byte DataCoding, ConcatenationInfo? Concatenation)
{
    /// <summary>Reads a message PDU. A pure function: reassembling parts is the caller's (or <see cref="ConcatenationAssembler"/>'s).</summary>
    public static MessageContent Read(IMessagePdu pdu, SmsTextOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(pdu);
        var data = Smpp.UserData.Of(pdu);
        int udhLength = (pdu.EsmClass & EsmClass.UdhIndicator) != 0 ? Smpp.UserData.GetUdhLength(data.Span) : 0;
        ConcatenationInfo? concatenation = ConcatenationInfo.TryRead(pdu, out var info) ? info : null;
        string? text = SmsTextCodecs.Decode(pdu.DataCoding, data.Span, udhLength, options);
        return new MessageContent(text, data[udhLength..], data[..udhLength], pdu.DataCoding, concatenation);
    }
}
