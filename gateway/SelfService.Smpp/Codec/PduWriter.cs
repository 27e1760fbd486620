using System.Buffers.Binary;
using System.Text;

namespace SelfService.Smpp;

/// <summary>Writes a PDU body into a span sized by the PDU's GetBodyLength, which has already validated every field.</summary>
internal ref struct PduWriter
{
    private readonly Span<byte> _span;
    private int _position;

    public PduWriter(Span<byte> span) => _span = span;

    public readonly int Position => _position;

    public void WriteByte(byte value) => _span[_position++] = value;

    public void WriteUInt16(ushort value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(_span[_position..], value);
        _position += 2;
    }

    public void WriteUInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(_span[_position..], value);
        _position += 4;
    }

    public void WriteCString(string value)
    {
        if (value.Length > 0) _position += Encoding.Latin1.GetBytes(value, _span[_position..]);
        _span[_position++] = 0;
    }

    public void WriteShortMessage(ReadOnlySpan<byte> message)
    {
        _span[_position++] = (byte)message.Length;
        WriteOctets(message);
    }

    public void WriteOctets(ReadOnlySpan<byte> value)
    {
        value.CopyTo(_span[_position..]);
        _position += value.Length;
    }

    public void WriteTlvs(TlvList tlvs)
    {
        foreach (var tlv in tlvs.AsSpan())
        {
            WriteUInt16((ushort)tlv.Tag);
            WriteUInt16((ushort)tlv.Value.Length);
            WriteOctets(tlv.Value.Span);
        }
    }

    /// <summary>The encoded size of a C-octet string, after checking it fits <paramref name="maxLength"/> (NUL included).</summary>
    public static int CStringSize(string value, int maxLength, string field)
    {
        ArgumentNullException.ThrowIfNull(value, field);
        if (value.Length + 1 > maxLength)
            throw new SmppInvalidPduException(field, $"{value.Length} characters, at most {maxLength - 1} allowed");
        if (value.AsSpan().IndexOfAnyExceptInRange('\u0001', '\u00FF') >= 0)
            throw new SmppInvalidPduException(field, "only Latin-1 characters other than NUL are allowed in a C-octet string");
        return value.Length + 1;
    }

    /// <summary>The encoded size of a time field (SMPP v3.4 section 7.1): empty or 16 characters.</summary>
    public static int TimeSize(string value, string field)
    {
        int size = CStringSize(value, PduLimits.Time, field);
        if (value.Length != 0 && value.Length != PduLimits.Time - 1)
            throw new SmppInvalidPduException(field, "must be empty or 16 characters (YYMMDDhhmmsstnnp)");
        return size;
    }

    public static int ShortMessageSize(ReadOnlyMemory<byte> message)
    {
        if (message.Length > PduLimits.ShortMessage)
            throw new SmppInvalidPduException("short_message", $"{message.Length} octets, at most {PduLimits.ShortMessage} allowed; use message_payload or split the message");
        return 1 + message.Length;
    }

    public static int TlvsSize(TlvList tlvs)
    {
        ArgumentNullException.ThrowIfNull(tlvs);
        int size = 0;
        foreach (var tlv in tlvs.AsSpan())
        {
            if (tlv.Value.Length > Tlv.MaxValueLength)
                throw new SmppInvalidPduException($"TLV 0x{(ushort)tlv.Tag:X4}", $"{tlv.Value.Length} octets, at most {Tlv.MaxValueLength} allowed");
            size += 4 + tlv.Value.Length;
        }
        return size;
    }
}
