namespace SelfService.Smpp;

/// <summary>Optional parameter tags of SMPP v3.4 (section 5.3.2, table 5-3). Unknown tags are carried through as their number.</summary>
public enum TlvTag : ushort
{
    DestAddrSubunit = 0x0005,
    DestNetworkType = 0x0006,
    DestBearerType = 0x0007,
    DestTelematicsId = 0x0008,
    SourceAddrSubunit = 0x000D,
    SourceNetworkType = 0x000E,
    SourceBearerType = 0x000F,
    SourceTelematicsId = 0x0010,
    QosTimeToLive = 0x0017,
    PayloadType = 0x0019,
    AdditionalStatusInfoText = 0x001D,
    /// <summary>The SMSC message id a delivery receipt refers to (C-octet string, max 65).</summary>
    ReceiptedMessageId = 0x001E,
    MsMsgWaitFacilities = 0x0030,
    PrivacyIndicator = 0x0201,
    SourceSubaddress = 0x0202,
    DestSubaddress = 0x0203,
    UserMessageReference = 0x0204,
    UserResponseCode = 0x0205,
    SourcePort = 0x020A,
    DestinationPort = 0x020B,
    /// <summary>Concatenation reference number (2 octets).</summary>
    SarMsgRefNum = 0x020C,
    LanguageIndicator = 0x020D,
    /// <summary>Number of parts of a concatenated message (1 octet).</summary>
    SarTotalSegments = 0x020E,
    /// <summary>Number of this part, from 1 (1 octet).</summary>
    SarSegmentSeqnum = 0x020F,
    /// <summary>The SMPP version the SMSC supports, in bind_*_resp (1 octet).</summary>
    ScInterfaceVersion = 0x0210,
    CallbackNumPresInd = 0x0302,
    CallbackNumAtag = 0x0303,
    NumberOfMessages = 0x0304,
    CallbackNum = 0x0381,
    DpfResult = 0x0420,
    SetDpf = 0x0421,
    MsAvailabilityStatus = 0x0422,
    /// <summary>Network type (1 octet) and error code (2 octets).</summary>
    NetworkErrorCode = 0x0423,
    /// <summary>The whole message when it does not fit short_message (up to 64K octets).</summary>
    MessagePayload = 0x0424,
    DeliveryFailureReason = 0x0425,
    MoreMessagesToSend = 0x0426,
    /// <summary>Final state of a message, in delivery receipts (1 octet, see <see cref="MessageState"/>).</summary>
    MessageState = 0x0427,
    /// <summary>USSD operation (1 octet, see <see cref="UssdServiceOp"/>).</summary>
    UssdServiceOp = 0x0501,
    DisplayTime = 0x1201,
    SmsSignal = 0x1203,
    MsValidity = 0x1204,
    AlertOnMessageDelivery = 0x130C,
    ItsReplyType = 0x1380,
    /// <summary>Session number (1 octet), then sequence number in bits 7-1 and end-of-session in bit 0 (1 octet).</summary>
    ItsSessionInfo = 0x1383,
}
