namespace SelfService.Smpp;

/// <summary>Where a received part sits in a concatenated message: from its UDH or its SAR TLVs.</summary>
/// <param name="Reference">The reference shared by all parts (8 or 16 bits).</param>
/// <param name="Total">The number of parts, 1 to 255.</param>
/// <param name="Sequence">This part's number, 1 to <paramref name="Total"/>.</param>
/// <param name="Method">Where the information came from.</param>
public readonly record struct ConcatenationInfo(int Reference, int Total, int Sequence, ConcatenationMethod Method)
{
    /// <summary>Reads the concatenation information of a deliver_sm, data_sm or submit_sm.</summary>
    /// <remarks>
    /// With esm_class UDHI (0x40) set, the UDH of the user data (message_payload if present, else short_message) is searched
    /// for IEI 0x00 (8-bit reference) or 0x08 (16-bit reference); other IEIs are skipped, and an IE whose total is 0 or whose
    /// sequence is 0 or above the total is ignored, as 3GPP TS 23.040 section 9.2.3.24.1 asks. Otherwise the three SAR TLVs
    /// are used when all present.
    /// </remarks>
    public static bool TryRead(IMessagePdu pdu, out ConcatenationInfo info)
    {
        ArgumentNullException.ThrowIfNull(pdu);
        if ((pdu.EsmClass & EsmClass.UdhIndicator) != 0 && TryReadUdh(UserData.Of(pdu).Span, out info)) return true;
        return TryReadSar(pdu.Tlvs, out info);
    }

    /// <summary>Reads the concatenation IE of user data that starts with a UDH (UDHL first).</summary>
    public static bool TryReadUdh(ReadOnlySpan<byte> userData, out ConcatenationInfo info)
    {
        info = default;
        int udhLength = UserData.GetUdhLength(userData);
        if (udhLength == 0) return false;
        var ies = userData[1..udhLength];
        while (ies.Length >= 2)
        {
            byte iei = ies[0];
            int length = ies[1];
            if (ies.Length < 2 + length) return false;
            var data = ies.Slice(2, length);
            if (iei == 0x00 && length == 3 && Valid(data[1], data[2]))
            {
                info = new ConcatenationInfo(data[0], data[1], data[2], ConcatenationMethod.Udh8BitReference);
                return true;
            }
            if (iei == 0x08 && length == 4 && Valid(data[2], data[3]))
            {
                info = new ConcatenationInfo((data[0] << 8) | data[1], data[2], data[3], ConcatenationMethod.Udh16BitReference);
                return true;
            }
            ies = ies[(2 + length)..];
        }
        return false;
    }

    /// <summary>Reads sar_msg_ref_num, sar_total_segments and sar_segment_seqnum (SMPP v3.4 sections 5.3.2.22-24).</summary>
    public static bool TryReadSar(TlvList tlvs, out ConcatenationInfo info)
    {
        ArgumentNullException.ThrowIfNull(tlvs);
        info = default;
        if (!tlvs.TryGet(TlvTag.SarMsgRefNum, out var refTlv) || !refTlv.TryGetUInt16(out ushort reference)) return false;
        if (!tlvs.TryGet(TlvTag.SarTotalSegments, out var totalTlv) || !totalTlv.TryGetByte(out byte total)) return false;
        if (!tlvs.TryGet(TlvTag.SarSegmentSeqnum, out var seqTlv) || !seqTlv.TryGetByte(out byte seq)) return false;
        if (!Valid(total, seq)) return false;
        info = new ConcatenationInfo(reference, total, seq, ConcatenationMethod.Sar);
        return true;
    }

    private static bool Valid(byte total, byte seq) => total >= 1 && seq >= 1 && seq <= total;
}
