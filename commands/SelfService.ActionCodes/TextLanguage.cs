namespace SelfService.ActionCodes;

/// <summary>Guesses the language of a customer's text from its alphabet.</summary>
public static class TextLanguage
{
    public const string Russian = "ru";
    public const string English = "en";

    /// <summary>
    /// <see cref="Russian"/> when Cyrillic letters outnumber Latin ones, <see cref="English"/> when there are
    /// Latin letters, null when there is neither (<c>1</c>, <c>?</c>).
    /// </summary>
    /// <remarks>Counting rather than "any Cyrillic" keeps a Russian reply for "вкл ROAMING" and an English one for "ACT роуминг please".</remarks>
    public static string? Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cyrillic = 0;
        var latin = 0;
        foreach (var c in text)
        {
            if (!char.IsLetter(c))
            {
                continue;
            }

            if (c is >= '\u0400' and <= '\u052F')
            {
                cyrillic++;
            }
            else if (c <= '\u024F')
            {
                latin++;
            }
        }

        return cyrillic > latin ? Russian : latin > 0 ? English : null;
    }
}
