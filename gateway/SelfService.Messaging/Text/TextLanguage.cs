namespace SelfService.Messaging.Text;

/// <summary>The language a text is written in, as far as its letters tell: the channels that must pick a voice or a button's words.</summary>
public static class TextLanguage
{
    /// <summary>"ru" when Cyrillic letters outnumber Latin ones, else "en".</summary>
    public static string Of(string text)
    {
        int cyrillic = 0, latin = 0;
        foreach (var c in text)
        {
            if (!char.IsLetter(c)) continue;
            if (c is >= '\u0400' and <= '\u052F') cyrillic++;
            else if (c <= '\u024F') latin++;
        }
        return cyrillic > latin ? "ru" : "en";
    }
}
