namespace SelfService.Smpp;

/// <summary>Bits of the esm_class octet (SMPP v3.4 section 5.2.12).</summary>
public static class EsmClass
{
    /// <summary>Bits 1-0: messaging mode.</summary>
    public const byte MessagingModeMask = 0x03;
    public const byte DefaultMode = 0x00;
    public const byte DatagramMode = 0x01;
    public const byte ForwardMode = 0x02;
    public const byte StoreAndForwardMode = 0x03;

    /// <summary>Bits 5-2: message type.</summary>
    public const byte MessageTypeMask = 0x3C;
    /// <summary>Message type: SMSC delivery receipt (deliver_sm only).</summary>
    public const byte SmscDeliveryReceipt = 0x04;
    /// <summary>Message type: SME delivery acknowledgement.</summary>
    public const byte SmeDeliveryAcknowledgement = 0x08;
    /// <summary>Message type: SME manual/user acknowledgement.</summary>
    public const byte SmeManualAcknowledgement = 0x10;
    /// <summary>Message type: conversation abort (Korean CDMA).</summary>
    public const byte ConversationAbort = 0x18;
    /// <summary>Message type: intermediate delivery notification.</summary>
    public const byte IntermediateDeliveryNotification = 0x20;

    /// <summary>Bit 6: UDHI, the short message starts with a user data header.</summary>
    public const byte UdhIndicator = 0x40;
    /// <summary>Bit 7: reply path.</summary>
    public const byte ReplyPath = 0x80;
}
