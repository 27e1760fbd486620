using SelfService.ActionCodes;

namespace SelfService.Commands.Understanding;

/// <summary>
/// Phrases reduced to stems ("хочу подключить" → "подключ"), found anywhere in a message in any word form, with one
/// typo allowed in a word of five letters or more (a doubled letter aside), and one stray word allowed between the words of a longer phrase.
/// </summary>
/// <remarks>
/// <para>A typo is looked for in the stems and, failing that, in the words as written: a typo can change the stem out of
/// recognition ("roming" stems to "rome", "roaming" to "roam"; "усуги" to "усуг", "услуги" to "услуг").</para>
/// <para>People put a word inside a fixed phrase ("какие у меня подключены услуги", "what services"): a phrase of two
/// words or more still matches with one other word between two of its words; that word is not the phrase's, so it
/// still counts against the request's share.</para>
/// <para>Of overlapping matches an exact one beats a typo, a longer one a shorter and an unbroken one a split one; a typo
/// that fits two values is no match ("вкючить" is not guessed between включить and выключить). Immutable, so one
/// instance serves all threads.</para>
/// </remarks>
public sealed class PhraseIndex<TValue>
{
    // Shorter stems are too close to ordinary words: "свет" would be a typo of "счет".
    private const int MinTypoLength = 5;

    private const int MinStemLength = 4;

    private readonly List<(MessageWord[] Words, TValue Value)> _phrases = [];
    private readonly IEqualityComparer<TValue> _comparer;
    private readonly bool _byStem;
    private readonly bool _typos;

    /// <param name="phrases">Phrase and value pairs; fillers in a phrase are dropped, as they are from messages.</param>
    /// <param name="fillers">Words (as written) that carry no meaning of their own.</param>
    /// <param name="byStem">False to compare words as written: question markers must not catch every form ("как" is the stem of "какой").</param>
    /// <param name="typos">False to take no typo: question words are short and their neighbours real words ("there" is not "where").</param>
    public PhraseIndex(IEnumerable<KeyValuePair<string, TValue>> phrases, IReadOnlySet<string> fillers, IEqualityComparer<TValue>? comparer = null, bool byStem = true, bool typos = true)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        _comparer = comparer ?? EqualityComparer<TValue>.Default;
        _byStem = byStem;
        _typos = typos;
        foreach (var (text, value) in phrases)
        {
            var words = WordForms.Split(text).Where(w => !fillers.Contains(w.Text)).ToArray();
            if (words.Length > 0) _phrases.Add((words, value));
        }
    }

    /// <summary>The best non-overlapping matches in <paramref name="words"/>, in message order.</summary>
    public IReadOnlyList<PhraseMatch<TValue>> Find(IReadOnlyList<MessageWord> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var found = new List<PhraseMatch<TValue>>();
        for (var start = 0; start < words.Count; start++)
        {
            foreach (var (phrase, value) in _phrases)
            {
                if (Compare(phrase, words, start, skipped: -1) is { } exact) found.Add(new PhraseMatch<TValue>(value, start, phrase.Length, exact));
                if (!_byStem || phrase.Length < 2) continue;
                for (var skipped = start + 1; skipped < start + phrase.Length; skipped++)
                {
                    if (Compare(phrase, words, start, skipped) is { } split) found.Add(new PhraseMatch<TValue>(value, start, phrase.Length + 1, split, skipped));
                }
            }
        }

        var chosen = new List<PhraseMatch<TValue>>();
        foreach (var match in found.OrderByDescending(m => m.Exact).ThenByDescending(m => m.Weight).ThenBy(m => m.Skipped >= 0).ThenBy(m => m.Start))
        {
            // The same words may mean two actions ("cancel" is NO and DEACT): both stay, the interpreter decides by the slots.
            // So may overlapping phrases of equal weight ("какие [подключены] услуги" and "подключить услугу"): the slots decide.
            if (chosen.Any(m => m.Overlaps(match) && !(m.Exact && match.Exact && m.Weight == match.Weight))) continue;
            var rivals = found.Where(m => !m.Exact && !match.Exact && m.Start == match.Start && m.Length == match.Length);
            if (rivals.Any(m => !_comparer.Equals(m.Value, match.Value))) continue;
            chosen.Add(match);
        }

        return [.. chosen.OrderBy(m => m.Start)];
    }

    /// <param name="skipped">The message word passed over inside the phrase, or -1 for an unbroken match.</param>
    /// <returns>True for an exact match, false for one with typos, null for none.</returns>
    private bool? Compare(MessageWord[] phrase, IReadOnlyList<MessageWord> words, int start, int skipped)
    {
        var span = skipped < 0 ? phrase.Length : phrase.Length + 1;
        if (start + span > words.Count) return null;
        var exact = true;
        for (int i = 0, at = start; i < phrase.Length; i++, at++)
        {
            if (at == skipped) at++;
            var typed = words[at];
            if (Key(typed) == Key(phrase[i]) && !TooShortAStem(phrase[i])) continue;
            if (typed.Text == phrase[i].Text) continue;
            if (!_typos || !IsTypo(Key(typed), Key(phrase[i])) && !IsTypo(typed.Text, phrase[i].Text)) return null;
            exact = false;
        }

        return exact;
    }

    private string Key(MessageWord word) => _byStem ? word.Stem : word.Text;

    // A stem this short says too little: "как" is the stem of "какой" as well as of "как", "ad" that of "adding" and "ads".
    // A phrase word with one matches only as written; its other forms are listed where they are wanted.
    private bool TooShortAStem(MessageWord word) => _byStem && word.Stem.Length < MinStemLength;

    // A doubled letter is a slip of its own ("ballence" for "balance"), so words compare once more with doubles made single.
    private static bool IsTypo(string typed, string meant) =>
        typed.Length >= MinTypoLength && meant.Length >= MinTypoLength
        && (KeywordText.IsWithinOneEdit(typed, meant) || KeywordText.IsWithinOneEdit(SingleLetters(typed), SingleLetters(meant)));

    private static string SingleLetters(string word)
    {
        var letters = new System.Text.StringBuilder(word.Length);
        foreach (var c in word)
        {
            if (letters.Length == 0 || letters[^1] != c) letters.Append(c);
        }

        return letters.ToString();
    }
}
