using System.Buffers.Binary;
using System.Text;

namespace SelfService.Smpp;

/// <summary>Reads the mandatory fields and TLVs of one PDU body.</summary>
/// <remarks>
/// Errors are sticky: the first one is recorded with the command_status to answer, and every later read
/// returns a default value. A PDU reader therefore reads its fields in a straight line and the codec checks
/// <see cref="Failed"/> once at the end, instead of nesting an if around every field.
/// Octet fields (short_message, TLV values) slice one copy of the rest of the body, made on the first such read,
/// so a PDU costs one buffer allocation whatever its number of TLVs.
/// </remarks>
internal ref struct PduReader
{
    private readonly ReadOnlySpan<byte> _body;
    private int _position;
    private byte[]? _copy;
    private int _copyStart;

    public PduReader(ReadOnlySpan<byte> body) => _body = body;

    public CommandStatus ErrorStatus { get; private set; }

    public string? Error { get; private set; }

    public readonly bool Failed => Error is not null;

    public readonly bool AtEnd => _position >= _body.Length;

    public void Fail(CommandStatus status, string error)
    {
        if (Error is null)
        {
            ErrorStatus = status;
            Error = error;
        }
        _position = _body.Length;
    }

    public byte ReadByte(string field)
    {
        if (Failed) return 0;
        if (_position >= _body.Length)
        {
            Fail(CommandStatus.InvalidCommandLength, "the body ends before " + field);
            return 0;
        }
        return _body[_position++];
    }

    /// <summary>A C-octet string (SMPP v3.4 section 3.1): Latin-1 octets ended by a NUL; <paramref name="maxLength"/> counts the NUL.</summary>
    public string ReadCString(string field, int maxLength, CommandStatus statusIfTooLong)
    {
        if (Failed) return string.Empty;
        var rest = _body[_position..];
        int nul = rest[..Math.Min(rest.Length, maxLength)].IndexOf((byte)0);
        if (nul < 0)
        {
            if (rest.Length >= maxLength) Fail(statusIfTooLong, $"{field} is longer than {maxLength - 1} octets");
            else Fail(CommandStatus.InvalidCommandLength, field + " is not NUL-terminated before the end of the PDU");
            return string.Empty;
        }
        _position += nul + 1;
        return nul == 0 ? string.Empty : Encoding.Latin1.GetString(rest[..nul]);
    }

    /// <summary>An absolute or relative time (SMPP v3.4 section 7.1): empty, or exactly 16 characters and a NUL.</summary>
    public string ReadTime(string field, CommandStatus status)
    {
        var value = ReadCString(field, PduLimits.Time, status);
        if (value.Length != 0 && value.Length != PduLimits.Time - 1)
        {
            Fail(status, $"{field} must be empty or 16 characters, not {value.Length}");
            return string.Empty;
        }
        return value;
    }

    /// <summary>sm_length then short_message (SMPP v3.4 section 5.2.21: 0 to 254 octets).</summary>
    public ReadOnlyMemory<byte> ReadShortMessage()
    {
        int length = ReadByte("sm_length");
        if (Failed) return ReadOnlyMemory<byte>.Empty;
        if (length > PduLimits.ShortMessage)
        {
            Fail(CommandStatus.InvalidMessageLength, $"sm_length {length} is over {PduLimits.ShortMessage}");
            return ReadOnlyMemory<byte>.Empty;
        }
        if (_body.Length - _position < length)
        {
            Fail(CommandStatus.InvalidMessageLength, $"sm_length {length} runs past the end of the PDU");
            return ReadOnlyMemory<byte>.Empty;
        }
        return Slice(length);
    }

    /// <summary>Every remaining octet as TLVs (SMPP v3.4 section 3.2.4): tag, length, value; values are not interpreted here.</summary>
    public TlvList ReadTlvs()
    {
        if (Failed || AtEnd) return TlvList.Empty;
        int count = 0;
        for (int p = _position; p < _body.Length;)
        {
            if (_body.Length - p < 4)
            {
                Fail(CommandStatus.InvalidOptionalParameterStream, "a TLV header is cut short");
                return TlvList.Empty;
            }
            int length = BinaryPrimitives.ReadUInt16BigEndian(_body[(p + 2)..]);
            if (_body.Length - p - 4 < length)
            {
                Fail(CommandStatus.InvalidOptionalParameterStream, $"TLV 0x{BinaryPrimitives.ReadUInt16BigEndian(_body[p..]):X4} length {length} runs past the end of the PDU");
                return TlvList.Empty;
            }
            p += 4 + length;
            count++;
        }
        var items = new Tlv[count];
        for (int i = 0; i < count; i++)
        {
            var tag = (TlvTag)BinaryPrimitives.ReadUInt16BigEndian(_body[_position..]);
            int length = BinaryPrimitives.ReadUInt16BigEndian(_body[(_position + 2)..]);
            _position += 4;
            items[i] = new Tlv(tag, Slice(length));
        }
        return new TlvList(items);
    }

    /// <summary>For PDUs without TLVs: any octet left over means command_length and the body disagree.</summary>
    public void ExpectEnd()
    {
        if (!Failed && !AtEnd) Fail(CommandStatus.InvalidCommandLength, $"{_body.Length - _position} unexpected octets after the last field");
    }

    private ReadOnlyMemory<byte> Slice(int length)
    {
        if (length == 0) return ReadOnlyMemory<byte>.Empty;
        if (_copy is null)
        {
            _copyStart = _position;
            _copy = _body[_position..].ToArray();
        }
        var slice = new ReadOnlyMemory<byte>(_copy, _position - _copyStart, length);
        _position += length;
        return slice;
    }
}
