namespace SelfService.Smpp;

/// <summary>The user data of a message PDU and its UDH.</summary>
public static class UserData
{
    /// <summary>The user data: message_payload when present (SMPP v3.4 section 5.3.2.32), else short_message.</summary>
    public static ReadOnlyMemory<byte> Of(IMessagePdu pdu)
    {
        ArgumentNullException.ThrowIfNull(pdu);
        return pdu.Tlvs.TryGet(TlvTag.MessagePayload, out var payload) ? payload.Value : pdu.ShortMessage;
    }

    /// <summary>The octets of the UDH at the start of <paramref name="userData"/>, UDHL included; 0 when UDHL points past the end.</summary>
    public static int GetUdhLength(ReadOnlySpan<byte> userData)
    {
        if (userData.IsEmpty) return 0;
        int length = 1 + userData[0];
        return length <= userData.Length ? length : 0;
    }
}
