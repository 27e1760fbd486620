using SelfService.ActionCodes;

namespace SelfService.Commands.Understanding;

/// <summary>
/// Phrases reduced to stems ("хочу подключить" → "подключ"), found anywhere in a message in any word form, with one
/// typo allowed in a word of five letters or more.
/// </summary>
/// <remarks>
/// Of overlapping matches an exact one beats a typo and a longer one a shorter; a typo that fits two values is no match
/// ("вкючить" is not guessed between включить and выключить). Immutable, so one instance serves all threads.
/// </remarks>
public sealed class PhraseIndex<TValue>
{
    // Shorter stems are too close to ordinary words: "свет" would be a typo of "счет".
    private const int MinTypoLength = 5;

    private readonly List<(string[] Stems, TValue Value)> _phrases = [];
    private readonly IEqualityComparer<TValue> _comparer;

    /// <param name="phrases">Phrase and value pairs; fillers in a phrase are dropped, as they are from messages.</param>
    /// <param name="fillers">Words (as written) that carry no meaning of their own.</param>
    /// <param name="byStem">False to compare words as written: question markers must not catch every form ("как" is the stem of "какой").</param>
    public PhraseIndex(IEnumerable<KeyValuePair<string, TValue>> phrases, IReadOnlySet<string> fillers, IEqualityComparer<TValue>? comparer = null, bool byStem = true)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        _comparer = comparer ?? EqualityComparer<TValue>.Default;
        foreach (var (text, value) in phrases)
        {
            var stems = WordForms.Split(text).Where(w => !fillers.Contains(w.Text)).Select(w => byStem ? w.Stem : w.Text).ToArray();
            if (stems.Length > 0) _phrases.Add((stems, value));
        }
    }

    /// <summary>The best non-overlapping matches in <paramref name="stems"/> (the words as written, for an index not by stem), in message order.</summary>
    public IReadOnlyList<PhraseMatch<TValue>> Find(IReadOnlyList<string> stems)
    {
        ArgumentNullException.ThrowIfNull(stems);
        var found = new List<PhraseMatch<TValue>>();
        for (var start = 0; start < stems.Count; start++)
        {
            foreach (var (phrase, value) in _phrases)
            {
                if (Compare(phrase, stems, start) is { } exact) found.Add(new PhraseMatch<TValue>(value, start, phrase.Length, exact));
            }
        }

        var chosen = new List<PhraseMatch<TValue>>();
        foreach (var match in found.OrderByDescending(m => m.Exact).ThenByDescending(m => m.Length).ThenBy(m => m.Start))
        {
            // The same words may mean two actions ("cancel" is NO and DEACT): both stay, the interpreter decides by the slots.
            if (chosen.Any(m => m.Overlaps(match) && !(m.Exact && match.Exact && m.Start == match.Start && m.Length == match.Length))) continue;
            var rivals = found.Where(m => !m.Exact && !match.Exact && m.Start == match.Start && m.Length == match.Length);
            if (rivals.Any(m => !_comparer.Equals(m.Value, match.Value))) continue;
            chosen.Add(match);
        }

        return [.. chosen.OrderBy(m => m.Start)];
    }

    /// <returns>True for an exact match, false for one with typos, null for none.</returns>
    private static bool? Compare(string[] phrase, IReadOnlyList<string> stems, int start)
    {
        if (start + phrase.Length > stems.Count) return null;
        var exact = true;
        for (var i = 0; i < phrase.Length; i++)
        {
            var typed = stems[start + i];
            if (typed == phrase[i]) continue;
            if (typed.Length < MinTypoLength || phrase[i].Length < MinTypoLength || !KeywordText.IsWithinOneEdit(typed, phrase[i])) return null;
            exact = false;
        }

        return exact;
    }
}
