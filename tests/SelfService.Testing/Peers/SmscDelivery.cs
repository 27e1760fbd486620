namespace SelfService.Testing.Peers;

/// <summary>A mobile-originated message the SMSC peer sends to the bound ESME as deliver_sm (one per part).</summary>
public sealed record SmscDelivery(string Source, string Destination, string Text)
{
    /// <summary>Echoed in the events of this delivery (deliver_sm_sent, deliver_sm_resp...); generated when null.</summary>
    public string? Id { get; init; }

    public SmscTextEncoding Encoding { get; init; } = SmscTextEncoding.Gsm;

    /// <summary>Overrides the data_coding the encoding implies.</summary>
    public int? DataCoding { get; init; }

    public int? EsmClass { get; init; }

    public string? ServiceType { get; init; }

    public int? RegisteredDelivery { get; init; }

    /// <summary>TLVs by the smpp package's name (<c>user_message_reference</c>) or by tag (<c>0x1401</c>); octet strings as hex.</summary>
    public IReadOnlyDictionary<string, object>? Tlvs { get; init; }

    public SmscConcatenation? Concatenation { get; init; }

    /// <summary>The peer's session number to send to; round-robin over bound receivers when null.</summary>
    public int? ToSession { get; init; }
}
