using System.Text;
using Lucene.Net.Tartarus.Snowball;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace SelfService.Commands.Understanding;

/// <summary>
/// Splits text into words and reduces each to its stem with the Snowball stemmers the knowledge base uses (Russian for
/// Cyrillic words, English for Latin ones), so "голосовую почту" and "голосовая почта", "turning" and "turn" compare equal.
/// </summary>
/// <remarks>
/// A word typed in mixed scripts ("рoуминг" with a Latin o) is first moved to the script most of its letters are in, by
/// look-alike letters. Digits and letters are split apart ("10гб" is "10" and "гб"). Thread-safe: stemmers are made per call.
/// </remarks>
public static class WordForms
{
    private const string CyrillicLookAlikes = "авекмнорстух";
    private const string LatinLookAlikes = "abekmhopctyx";

    public static IReadOnlyList<MessageWord> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<MessageWord>();
        var russian = new RussianStemmer();
        var english = new EnglishStemmer();
        foreach (var raw in RawWords(text))
        {
            var word = ToOneScript(raw);
            words.Add(new MessageWord(word, Stem(word, russian, english)));
        }

        return words;
    }

    private static IEnumerable<string> RawWords(string text)
    {
        var lower = text.Normalize(NormalizationForm.FormC).ToLowerInvariant().Replace('ё', 'е');
        var current = new StringBuilder();
        var digits = false;
        foreach (var c in lower)
        {
            var isDigit = char.IsAsciiDigit(c);
            if (!char.IsLetter(c) && !isDigit || current.Length > 0 && isDigit != digits)
            {
                if (current.Length > 0) yield return current.ToString();
                current.Clear();
            }

            if (char.IsLetter(c) || isDigit)
            {
                current.Append(c);
                digits = isDigit;
            }
        }

        if (current.Length > 0) yield return current.ToString();
    }

    private static string ToOneScript(string word)
    {
        var cyrillic = word.Count(c => c is >= 'а' and <= 'я');
        var latin = word.Count(c => c is >= 'a' and <= 'z');
        if (cyrillic == 0 || latin == 0) return word;
        var (from, to) = cyrillic >= latin ? (LatinLookAlikes, CyrillicLookAlikes) : (CyrillicLookAlikes, LatinLookAlikes);
        return string.Create(word.Length, (word, from, to), static (target, state) =>
        {
            for (var i = 0; i < state.word.Length; i++)
            {
                var at = state.from.IndexOf(state.word[i], StringComparison.Ordinal);
                target[i] = at < 0 ? state.word[i] : state.to[at];
            }
        });
    }

    private static string Stem(string word, SnowballProgram russian, SnowballProgram english)
    {
        if (!char.IsLetter(word[0])) return word;
        var stemmer = word[0] is >= 'а' and <= 'я' ? russian : english;
        stemmer.SetCurrent(word);
        stemmer.Stem();
        return stemmer.Current;
    }
}
