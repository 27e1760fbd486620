namespace SelfService.Smpp;

/// <summary>What <see cref="PduCodec.Decode(ReadOnlySpan{byte})"/> found at the start of the buffer.</summary>
public enum PduDecodeStatus
{
    /// <summary>The buffer holds less than one whole PDU: read more and try again. Not an error.</summary>
    NeedMoreData,

    /// <summary>One PDU was decoded.</summary>
    Decoded,

    /// <summary>The header is sound but the body is not (or the command id is unknown). The frame can be skipped and the
    /// session kept: answer with <see cref="PduDecodeResult.CreateErrorResponse"/>.</summary>
    InvalidPdu,

    /// <summary>command_length is below 16 or above the maximum: PDU boundaries are lost and the connection must be closed.</summary>
    FramingError,
}
