using System.Text;

namespace SelfService.ActionCodes;

/// <summary>
/// The text rules every keyword comparison shares (normalization, look-alike skeleton, one-edit distance),
/// kept in one place so the catalogue check, the index and the parser cannot disagree.
/// </summary>
internal static class KeywordText
{
    // Only sentence punctuation: ')' and '-' belong to phone numbers such as "+7 (900) 123-45-67".
    private const string TrailingPunctuation = ".,!?;:…";

    /// <summary>The words of <paramref name="text"/> in the customer's case, with trailing punctuation removed.</summary>
    public static string[] Words(string text)
    {
        // A phone may send "Ё" as "Е" plus a combining diaeresis; compose it so it compares as one letter.
        var composed = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        return TrimTrailingPunctuation(composed.Trim()).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Upper case, single spaces, no trailing punctuation: <c>"  my   Services!"</c> becomes <c>MY SERVICES</c>.</summary>
    public static string Normalize(string text) => string.Join(' ', Words(text)).ToUpperInvariant();

    /// <summary>
    /// Maps Cyrillic letters that look like Latin ones to the Latin letter, so "ВАL" (Cyrillic В and А) and "BAL"
    /// share a skeleton. Expects normalized (upper-case) text; keeps the length.
    /// </summary>
    public static string Skeleton(string normalized) =>
        string.Create(normalized.Length, normalized, static (skeleton, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                skeleton[i] = LookAlike(source[i]);
            }
        });

    /// <summary>True when one insertion, deletion, substitution or swap of neighbours (or nothing) turns one text into the other.</summary>
    public static bool IsWithinOneEdit(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length < b.Length)
        {
            return IsWithinOneEdit(b, a);
        }

        if (a.Length - b.Length > 1)
        {
            return false;
        }

        var i = a.CommonPrefixLength(b);
        if (i == b.Length)
        {
            return true;
        }

        if (a.Length > b.Length)
        {
            return a[(i + 1)..].SequenceEqual(b[i..]);
        }

        return a[(i + 1)..].SequenceEqual(b[(i + 1)..])
            || (i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a[(i + 2)..].SequenceEqual(b[(i + 2)..]));
    }

    private static string TrimTrailingPunctuation(string text)
    {
        // Stop at one character so that "?" and "??" stay a question mark, which may itself be a keyword.
        var end = text.Length;
        while (end > 1 && (TrailingPunctuation.Contains(text[end - 1]) || char.IsWhiteSpace(text[end - 1])))
        {
            end--;
        }

        return text[..end];
    }

    private static char LookAlike(char c) => c switch
    {
        'А' => 'A',
        'В' => 'B',
        'Е' or 'Ё' => 'E',
        'К' => 'K',
        'М' => 'M',
        'Н' => 'H',
        'О' => 'O',
        'Р' => 'P',
        'С' => 'C',
        'Т' => 'T',
        'Х' => 'X',
        'У' => 'Y',
        _ => c,
    };
}
