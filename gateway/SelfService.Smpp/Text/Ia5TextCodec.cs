namespace SelfService.Smpp;

/// <summary>IA5 (CCITT T.50) / ASCII, data_coding 1. The SMSC sends it as 7-bit on the air, so it counts 160 per message.</summary>
public sealed class Ia5TextCodec : ISmsTextCodec
{
    public static Ia5TextCodec Instance { get; } = new();

    public byte DataCoding => Smpp.DataCoding.Ia5;

    public int BitsPerUnit => 7;

    public bool CanEncode(ReadOnlySpan<char> text) => !text.ContainsAnyExceptInRange('\0', '\u007F');

    public int GetUnitCount(char c) => c <= '\u007F' ? 1 : 0;

    public int GetUnitCount(ReadOnlySpan<char> text) => CanEncode(text) ? text.Length : -1;

    public byte[] Encode(ReadOnlySpan<char> text, ReadOnlySpan<byte> udh = default)
    {
        if (!CanEncode(text)) throw new ArgumentException("The text has characters outside ASCII", nameof(text));
        var bytes = new byte[udh.Length + text.Length];
        udh.CopyTo(bytes);
        for (int i = 0; i < text.Length; i++) bytes[udh.Length + i] = (byte)text[i];
        return bytes;
    }

    public string Decode(ReadOnlySpan<byte> userData, int udhLength = 0)
    {
        if (udhLength >= userData.Length) return string.Empty;
        var data = userData[udhLength..];
        var chars = new char[data.Length];
        for (int i = 0; i < data.Length; i++) chars[i] = (char)(data[i] & 0x7F);
        return new string(chars);
    }
}
