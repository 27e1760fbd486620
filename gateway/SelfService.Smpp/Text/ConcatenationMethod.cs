namespace SelfService.Smpp;

/// <summary>How the parts of a long message are tied together.</summary>
public enum ConcatenationMethod
{
    /// <summary>A 6-octet UDH in each part, <c>05 00 03 ref total seq</c> (3GPP TS 23.040 section 9.2.3.24.1): 153 / 134 / 67 per part.</summary>
    Udh8BitReference,

    /// <summary>A 7-octet UDH in each part, <c>06 08 04 refHi refLo total seq</c> (TS 23.040 section 9.2.3.24.8): 152 / 133 / 66 per part.</summary>
    Udh16BitReference,

    /// <summary>The SAR TLVs sar_msg_ref_num, sar_total_segments, sar_segment_seqnum (SMPP v3.4 section 5.3.2.22-24), no UDH.</summary>
    Sar,

    /// <summary>No splitting: the whole message in one message_payload TLV (SMPP v3.4 section 5.3.2.32), up to 64K octets.</summary>
    MessagePayload,
}
