namespace SelfService.Smpp;

/// <summary>One part of a split message, ready to go into a submit_sm (or data_sm).</summary>
/// <param name="Number">The part number, from 1.</param>
/// <param name="Total">The number of parts.</param>
/// <param name="Text">The text this part carries.</param>
/// <param name="ShortMessage">The short_message octets (UDH included when <paramref name="HasUdh"/>); empty with message_payload.</param>
/// <param name="HasUdh">The part starts with a UDH: esm_class needs UDHI (0x40).</param>
/// <param name="Tlvs">TLVs to add: SAR, or message_payload.</param>
/// <param name="DataCoding">The data_coding of the octets.</param>
public sealed record MessagePart(int Number, int Total, string Text, ReadOnlyMemory<byte> ShortMessage, bool HasUdh, TlvList Tlvs, byte DataCoding)
{
    /// <summary>The template with this part's data_coding, esm_class UDHI bit, short_message and TLVs (added to the template's).</summary>
    public SubmitSm ApplyTo(SubmitSm template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return template with
        {
            DataCoding = DataCoding,
            EsmClass = HasUdh ? (byte)(template.EsmClass | EsmClass.UdhIndicator) : (byte)(template.EsmClass & ~EsmClass.UdhIndicator),
            ShortMessage = ShortMessage,
            Tlvs = Merge(template.Tlvs),
        };
    }

    /// <summary>The template with this part's data_coding, esm_class UDHI bit, and the user data in message_payload.</summary>
    public DataSm ApplyTo(DataSm template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var tlvs = Merge(template.Tlvs);
        if (!ShortMessage.IsEmpty) tlvs = tlvs.Set(Tlv.FromOctets(TlvTag.MessagePayload, ShortMessage));
        return template with
        {
            DataCoding = DataCoding,
            EsmClass = HasUdh ? (byte)(template.EsmClass | EsmClass.UdhIndicator) : (byte)(template.EsmClass & ~EsmClass.UdhIndicator),
            Tlvs = tlvs,
        };
    }

    private TlvList Merge(TlvList tlvs)
    {
        foreach (var tlv in Tlvs) tlvs = tlvs.Set(tlv);
        return tlvs;
    }
}
