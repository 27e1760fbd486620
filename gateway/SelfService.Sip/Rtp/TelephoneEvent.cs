using System.Buffers.Binary;

namespace SelfService.Sip;

/// <summary>The payload of an RFC 4733 telephone-event packet (section 2.3): event, end bit, volume, duration.</summary>
public readonly record struct TelephoneEvent(byte Event, bool End, byte Volume, ushort Duration)
{
    public const int Size = 4;

    /// <summary>The DTMF digit of events 0-15 (RFC 4733 3.2): 0-9, *, #, A-D; null for any other event.</summary>
    public char? Digit => Event switch
    {
        <= 9 => (char)('0' + Event),
        10 => '*',
        11 => '#',
        <= 15 => (char)('A' + Event - 12),
        _ => null,
    };

    public static bool TryRead(ReadOnlySpan<byte> payload, out TelephoneEvent value)
    {
        value = default;
        if (payload.Length < Size) return false;
        value = new TelephoneEvent(payload[0], (payload[1] & 0x80) != 0, (byte)(payload[1] & 0x3F), BinaryPrimitives.ReadUInt16BigEndian(payload[2..]));
        return true;
    }

    public void Write(Span<byte> destination)
    {
        destination[0] = Event;
        destination[1] = (byte)((End ? 0x80 : 0) | (Volume & 0x3F));
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], Duration);
    }

    /// <summary>The event code of a digit, or null when the character is no DTMF digit.</summary>
    public static byte? EventOf(char digit) => char.ToUpperInvariant(digit) switch
    {
        >= '0' and <= '9' => (byte)(digit - '0'),
        '*' => 10,
        '#' => 11,
        >= 'A' and <= 'D' => (byte)(char.ToUpperInvariant(digit) - 'A' + 12),
        _ => null,
    };
}
