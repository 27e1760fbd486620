using System.Text;

namespace SelfService.Sip.Tests.Support;

/// <summary>Test messages are written with "\n" line ends for readability; the wire has CRLF.</summary>
internal static class Wire
{
    public static string Crlf(string text) => text.ReplaceLineEndings("\n").Replace("\n", "\r\n", StringComparison.Ordinal);

    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(Crlf(text));
}
