using System.Text;

namespace SelfService.Storage;

/// <summary>
/// Text as every engine can store it. UCS-2 from an SMSC can hold half of a surrogate pair, which is no Unicode text:
/// UTF-8 encoders (LiteDB's, PostgreSQL's) refuse it, and a message that cannot be stored would be refused on every
/// redelivery, for ever. Such halves become U+FFFD, which the processor reads as unreadable input. So does U+0000 (NUL),
/// which UCS-2 can carry too and PostgreSQL refuses in any text; LiteDB would keep it, and every engine stores the same.
/// </summary>
public static class StoredText
{
    public static string Of(string text)
    {
        if (!NeedsReplacing(text)) return text;
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else
            {
                builder.Append(char.IsSurrogate(c) || c == '\0' ? '\uFFFD' : c);
            }
        }
        return builder.ToString();
    }

    private static bool NeedsReplacing(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\0') return true;
            if (!char.IsSurrogate(text[i])) continue;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            return true;
        }
        return false;
    }
}
