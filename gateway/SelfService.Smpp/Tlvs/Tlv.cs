using System.Buffers.Binary;
using System.Text;

namespace SelfService.Smpp;

/// <summary>One optional parameter: a tag and its raw value (SMPP v3.4 section 3.2.4.1).</summary>
/// <remarks>Two TLVs are equal when their tags and value bytes are equal.</remarks>
public readonly record struct Tlv(TlvTag Tag, ReadOnlyMemory<byte> Value)
{
    /// <summary>The largest value a TLV can carry: its length field is 2 octets.</summary>
    public const int MaxValueLength = ushort.MaxValue;

    public static Tlv FromByte(TlvTag tag, byte value) => new(tag, new[] { value });

    public static Tlv FromUInt16(TlvTag tag, ushort value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, value);
        return new Tlv(tag, bytes);
    }

    public static Tlv FromUInt32(TlvTag tag, uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return new Tlv(tag, bytes);
    }

    /// <summary>A C-octet string value: Latin-1 octets and a terminating NUL (e.g. receipted_message_id).</summary>
    public static Tlv FromCString(TlvTag tag, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var bytes = new byte[value.Length + 1];
        Encoding.Latin1.GetBytes(value, bytes);
        return new Tlv(tag, bytes);
    }

    /// <summary>An octet string value without a terminator (e.g. additional_status_info_text is a C-string, message_payload is not).</summary>
    public static Tlv FromOctets(TlvTag tag, ReadOnlyMemory<byte> value) => new(tag, value);

    public bool TryGetByte(out byte value)
    {
        if (Value.Length == 1) { value = Value.Span[0]; return true; }
        value = 0;
        return false;
    }

    public bool TryGetUInt16(out ushort value)
    {
        if (Value.Length == 2) { value = BinaryPrimitives.ReadUInt16BigEndian(Value.Span); return true; }
        value = 0;
        return false;
    }

    public bool TryGetUInt32(out uint value)
    {
        if (Value.Length == 4) { value = BinaryPrimitives.ReadUInt32BigEndian(Value.Span); return true; }
        value = 0;
        return false;
    }

    /// <summary>The value as a C-octet string: Latin-1, cut at the first NUL (a missing NUL is tolerated).</summary>
    public string GetCString()
    {
        var span = Value.Span;
        int nul = span.IndexOf((byte)0);
        if (nul >= 0) span = span[..nul];
        return span.IsEmpty ? string.Empty : Encoding.Latin1.GetString(span);
    }

    public bool Equals(Tlv other) => Tag == other.Tag && Value.Span.SequenceEqual(other.Value.Span);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Tag);
        hash.AddBytes(Value.Span);
        return hash.ToHashCode();
    }

    public override string ToString() => $"{Tag}(0x{(ushort)Tag:X4})={Convert.ToHexString(Value.Span)}";
}
