using System.Buffers.Binary;
using System.Text;

namespace SelfService.Testing.Tests;

/// <summary>An SMPP PDU as it came off the wire: the header fields and the body bytes.</summary>
internal sealed record RawPdu(uint CommandId, uint CommandStatus, uint Sequence, byte[] Body)
{
    /// <summary>The first C-octet string of the body: message_id of submit_sm_resp, system_id of bind_*_resp.</summary>
    public string FirstCString()
    {
        var end = Array.IndexOf(Body, (byte)0);
        return Encoding.ASCII.GetString(Body, 0, end < 0 ? Body.Length : end);
    }

    public byte[] ToBytes()
    {
        var bytes = new byte[16 + Body.Length];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)bytes.Length);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(4), CommandId);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(8), CommandStatus);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(12), Sequence);
        Body.CopyTo(bytes, 16);
        return bytes;
    }
}
