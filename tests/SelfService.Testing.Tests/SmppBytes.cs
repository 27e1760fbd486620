using System.Buffers.Binary;
using System.Text;

namespace SelfService.Testing.Tests;

/// <summary>
/// Just enough SMPP 3.4, written by hand from the spec, to drive the SMSC peer without the gateway's SMPP library
/// (which this proof must stay independent of).
/// </summary>
internal static class SmppBytes
{
    public const uint GenericNack = 0x80000000;
    public const uint BindReceiver = 0x00000001;
    public const uint BindTransmitter = 0x00000002;
    public const uint SubmitSm = 0x00000004;
    public const uint DeliverSm = 0x00000005;
    public const uint Unbind = 0x00000006;
    public const uint BindTransceiver = 0x00000009;
    public const uint EnquireLink = 0x00000015;
    public const uint ResponseBit = 0x80000000;

    public const uint StatusThrottled = 0x58;
    public const uint StatusQueueFull = 0x14;
    public const uint StatusBindFailed = 0x0D;
    public const uint StatusInvalidCommandId = 0x03;

    public const ushort TagReceiptedMessageId = 0x001E;
    public const ushort TagSarMsgRefNum = 0x020C;
    public const ushort TagSarTotalSegments = 0x020E;
    public const ushort TagSarSegmentSeqnum = 0x020F;
    public const ushort TagMessageState = 0x0427;
    public const ushort TagUssdServiceOp = 0x0501;
    public const ushort TagItsSessionInfo = 0x1383;

    /// <summary>bind_transceiver/transmitter/receiver body (SMPP 3.4 §4.1.1): interface_version 0x34.</summary>
    public static byte[] BindBody(string systemId, string password)
    {
        var body = new List<byte>();
        CString(body, systemId);
        CString(body, password);
        CString(body, "");        // system_type
        body.Add(0x34);           // interface_version
        body.Add(0);              // addr_ton
        body.Add(0);              // addr_npi
        CString(body, "");        // address_range
        return [.. body];
    }

    /// <summary>submit_sm body (SMPP 3.4 §4.4.1) with optional TLVs.</summary>
    public static byte[] SubmitSmBody(string source, string destination, byte dataCoding, byte[] shortMessage,
        byte esmClass = 0, byte registeredDelivery = 0, params (ushort Tag, byte[] Value)[] tlvs)
    {
        var body = new List<byte>();
        CString(body, "");               // service_type
        body.AddRange([1, 1]);           // source_addr_ton, source_addr_npi
        CString(body, source);
        body.AddRange([1, 1]);           // dest_addr_ton, dest_addr_npi
        CString(body, destination);
        body.Add(esmClass);
        body.Add(0);                     // protocol_id
        body.Add(0);                     // priority_flag
        CString(body, "");               // schedule_delivery_time
        CString(body, "");               // validity_period
        body.Add(registeredDelivery);
        body.Add(0);                     // replace_if_present_flag
        body.Add(dataCoding);
        body.Add(0);                     // sm_default_msg_id
        body.Add((byte)shortMessage.Length);
        body.AddRange(shortMessage);
        foreach (var (tag, value) in tlvs)
        {
            body.AddRange([(byte)(tag >> 8), (byte)tag, (byte)(value.Length >> 8), (byte)value.Length]);
            body.AddRange(value);
        }
        return [.. body];
    }

    /// <summary>Reads a deliver_sm body (SMPP 3.4 §4.6.1), TLVs included.</summary>
    public static DeliverSmBody ParseDeliverSm(byte[] body)
    {
        var offset = 0;
        var serviceType = ReadCString(body, ref offset);
        offset += 2;
        var source = ReadCString(body, ref offset);
        offset += 2;
        var destination = ReadCString(body, ref offset);
        var esmClass = body[offset++];
        offset += 2;                                   // protocol_id, priority_flag
        ReadCString(body, ref offset);                 // schedule_delivery_time
        ReadCString(body, ref offset);                 // validity_period
        var registeredDelivery = body[offset++];
        offset++;                                      // replace_if_present_flag
        var dataCoding = body[offset++];
        offset++;                                      // sm_default_msg_id
        var length = body[offset++];
        var shortMessage = body.AsSpan(offset, length).ToArray();
        offset += length;
        var tlvs = new Dictionary<ushort, byte[]>();
        while (offset + 4 <= body.Length)
        {
            var tag = BinaryPrimitives.ReadUInt16BigEndian(body.AsSpan(offset));
            var size = BinaryPrimitives.ReadUInt16BigEndian(body.AsSpan(offset + 2));
            tlvs[tag] = body.AsSpan(offset + 4, size).ToArray();
            offset += 4 + size;
        }
        return new DeliverSmBody(serviceType, source, destination, esmClass, registeredDelivery, dataCoding, shortMessage, tlvs);
    }

    private static void CString(List<byte> body, string value)
    {
        body.AddRange(Encoding.ASCII.GetBytes(value));
        body.Add(0);
    }

    private static string ReadCString(byte[] body, ref int offset)
    {
        var end = Array.IndexOf(body, (byte)0, offset);
        var value = Encoding.ASCII.GetString(body, offset, end - offset);
        offset = end + 1;
        return value;
    }
}
