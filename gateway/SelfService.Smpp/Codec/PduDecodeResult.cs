namespace SelfService.Smpp;

/// <summary>The outcome of decoding the start of a buffer. The codec never throws for bad input: it returns one of these.</summary>
public readonly record struct PduDecodeResult
{
    private PduDecodeResult(PduDecodeStatus status, Pdu? pdu, PduHeader header, CommandStatus errorStatus, string? error)
    {
        Status = status;
        Pdu = pdu;
        Header = header;
        ErrorStatus = errorStatus;
        Error = error;
    }

    public PduDecodeStatus Status { get; }

    /// <summary>The PDU, when <see cref="Status"/> is <see cref="PduDecodeStatus.Decoded"/>.</summary>
    public Pdu? Pdu { get; }

    /// <summary>The header, when a whole frame was found (Decoded or InvalidPdu).</summary>
    public PduHeader Header { get; }

    /// <summary>How many octets to consume: the frame's command_length for Decoded and InvalidPdu, else 0.</summary>
    public int BytesConsumed => Status is PduDecodeStatus.Decoded or PduDecodeStatus.InvalidPdu ? (int)Header.CommandLength : 0;

    /// <summary>For InvalidPdu: the command_status to answer with (e.g. InvalidCommandId, InvalidSourceAddress).</summary>
    public CommandStatus ErrorStatus { get; }

    /// <summary>For InvalidPdu and FramingError: what was wrong, for logs.</summary>
    public string? Error { get; }

    internal static PduDecodeResult NeedMoreData { get; } = new(PduDecodeStatus.NeedMoreData, null, default, CommandStatus.Ok, null);

    internal static PduDecodeResult Decoded(Pdu pdu, PduHeader header) => new(PduDecodeStatus.Decoded, pdu, header, CommandStatus.Ok, null);

    internal static PduDecodeResult Invalid(PduHeader header, CommandStatus status, string error) => new(PduDecodeStatus.InvalidPdu, null, header, status, error);

    internal static PduDecodeResult Framing(string error) => new(PduDecodeStatus.FramingError, null, default, CommandStatus.InvalidCommandLength, error);

    /// <summary>For InvalidPdu on a request: the generic_nack or _resp that answers it (SMPP v3.4 section 4.3).</summary>
    public Pdu CreateErrorResponse() => Smpp.Pdu.CreateErrorResponse(Header, ErrorStatus);
}
