using System.Text;

namespace SelfService.Smpp;

/// <summary>Latin 1 (ISO-8859-1), data_coding 3: one octet per character, 140 per message.</summary>
public sealed class Latin1TextCodec : ISmsTextCodec
{
    public static Latin1TextCodec Instance { get; } = new();

    public byte DataCoding => Smpp.DataCoding.Latin1;

    public int BitsPerUnit => 8;

    public bool CanEncode(ReadOnlySpan<char> text) => !text.ContainsAnyExceptInRange('\0', '\u00FF');

    public int GetUnitCount(char c) => c <= '\u00FF' ? 1 : 0;

    public int GetUnitCount(ReadOnlySpan<char> text) => CanEncode(text) ? text.Length : -1;

    public byte[] Encode(ReadOnlySpan<char> text, ReadOnlySpan<byte> udh = default)
    {
        if (!CanEncode(text)) throw new ArgumentException("The text has characters outside Latin-1", nameof(text));
        var bytes = new byte[udh.Length + text.Length];
        udh.CopyTo(bytes);
        Encoding.Latin1.GetBytes(text, bytes.AsSpan(udh.Length));
        return bytes;
    }

    public string Decode(ReadOnlySpan<byte> userData, int udhLength = 0) =>
        udhLength >= userData.Length ? string.Empty : Encoding.Latin1.GetString(userData[udhLength..]);
}
