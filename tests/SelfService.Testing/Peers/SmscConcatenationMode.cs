namespace SelfService.Testing.Peers;

/// <summary>How the SMSC peer marks the parts of a long message.</summary>
public enum SmscConcatenationMode
{
    /// <summary>UDH <c>05 00 03 ref total seq</c>.</summary>
    Udh8,

    /// <summary>UDH <c>06 08 04 refHi refLo total seq</c>.</summary>
    Udh16,

    /// <summary>The TLVs sar_msg_ref_num, sar_total_segments and sar_segment_seqnum.</summary>
    Sar,
}
