using System.Buffers.Binary;

namespace SelfService.Sip;

/// <summary>The fixed RTP header (RFC 3550 5.1); CSRCs and a header extension are skipped on reading, never written.</summary>
public readonly record struct RtpHeader(bool Marker, byte PayloadType, ushort SequenceNumber, uint Timestamp, uint Ssrc)
{
    public const int Size = 12;

    /// <summary>Writes the 12-byte header (version 2, no padding, no extension, no CSRC).</summary>
    public void Write(Span<byte> destination)
    {
        destination[0] = 0x80;
        destination[1] = (byte)((Marker ? 0x80 : 0) | (PayloadType & 0x7F));
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], SequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], Timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], Ssrc);
    }

    /// <summary>Reads a packet: false for anything that is not RTP version 2 or is cut short (never an exception).</summary>
    public static bool TryRead(ReadOnlySpan<byte> packet, out RtpHeader header, out Range payload)
    {
        header = default;
        payload = default;
        if (packet.Length < Size || packet[0] >> 6 != 2) return false;
        var csrcCount = packet[0] & 0x0F;
        var offset = Size + 4 * csrcCount;
        if ((packet[0] & 0x10) != 0)
        {
            if (packet.Length < offset + 4) return false;
            offset += 4 + 4 * BinaryPrimitives.ReadUInt16BigEndian(packet[(offset + 2)..]);
        }
        var end = packet.Length;
        if ((packet[0] & 0x20) != 0)
        {
            if (end == 0) return false;
            end -= packet[end - 1];   // the last octet counts the padding, itself included (RFC 3550 5.1)
        }
        if (offset > end) return false;
        header = new RtpHeader((packet[1] & 0x80) != 0, (byte)(packet[1] & 0x7F), BinaryPrimitives.ReadUInt16BigEndian(packet[2..]),
            BinaryPrimitives.ReadUInt32BigEndian(packet[4..]), BinaryPrimitives.ReadUInt32BigEndian(packet[8..]));
        payload = offset..end;
        return true;
    }
}
