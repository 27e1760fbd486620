namespace SelfService.Testing.Peers;

/// <summary>A delivery receipt (deliver_sm with esm_class 0x04) for a message the SMSC peer accepted.</summary>
/// <param name="MessageId">The message_id of the submit_sm_resp.</param>
public sealed record SmscReceipt(string MessageId)
{
    /// <summary>Echoed in the events of this receipt; generated when null.</summary>
    public string? Id { get; init; }

    /// <summary>The handset; by default the destination_addr of the submit_sm.</summary>
    public string? Source { get; init; }

    /// <summary>By default the source_addr of the submit_sm.</summary>
    public string? Destination { get; init; }

    /// <summary>DELIVRD, EXPIRED, DELETED, UNDELIV, ACCEPTD, UNKNOWN, REJECTD or ENROUTE.</summary>
    public string Stat { get; init; } = "DELIVRD";

    public SmscReceiptFormat Format { get; init; } = SmscReceiptFormat.Text;

    public SmscReceiptIdFormat IdFormat { get; init; } = SmscReceiptIdFormat.AsIs;

    /// <summary>The <c>err:</c> field; 000 when null.</summary>
    public string? Error { get; init; }

    /// <summary>The whole receipt text verbatim, for SMSC quirks (<c>Text:</c>, odd field order).</summary>
    public string? Text { get; init; }

    public int? ToSession { get; init; }
}
