using System.Buffers.Binary;

namespace SelfService.Smpp;

/// <summary>UCS-2 big-endian, data_coding 8: 70 UTF-16 code units per message.</summary>
/// <remarks>
/// Characters outside the BMP travel as UTF-16 surrogate pairs, as handsets send them; a pair counts 2 units and is never
/// split by <see cref="MessageSplitter"/>. Decoding keeps lone surrogates as they are, so that a pair split across two
/// parts by a handset is whole again once the parts are joined.
/// </remarks>
public sealed class Ucs2TextCodec : ISmsTextCodec
{
    public static Ucs2TextCodec Instance { get; } = new();

    public byte DataCoding => Smpp.DataCoding.Ucs2;

    public int BitsPerUnit => 16;

    public bool CanEncode(ReadOnlySpan<char> text) => true;

    public int GetUnitCount(char c) => 1;

    public int GetUnitCount(ReadOnlySpan<char> text) => text.Length;

    public byte[] Encode(ReadOnlySpan<char> text, ReadOnlySpan<byte> udh = default)
    {
        var bytes = new byte[udh.Length + 2 * text.Length];
        udh.CopyTo(bytes);
        for (int i = 0; i < text.Length; i++) BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(udh.Length + 2 * i), text[i]);
        return bytes;
    }

    public string Decode(ReadOnlySpan<byte> userData, int udhLength = 0)
    {
        if (udhLength >= userData.Length) return string.Empty;
        var data = userData[udhLength..];
        var chars = new char[data.Length / 2];
        for (int i = 0; i < chars.Length; i++) chars[i] = (char)BinaryPrimitives.ReadUInt16BigEndian(data[(2 * i)..]);
        return new string(chars);
    }
}
