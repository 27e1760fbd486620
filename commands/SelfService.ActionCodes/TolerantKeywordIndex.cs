using System.Diagnostics.CodeAnalysis;

namespace SelfService.ActionCodes;

/// <summary>
/// Finds the value of a keyword typed by a customer: in any case and spacing, with Cyrillic and Latin look-alike
/// letters mixed ("ВАL", "BAЛАНС"), and with one typo in keywords of four letters or more ("РОМИНГ", "STAUS").
/// </summary>
/// <remarks>
/// A typo match that fits two different values is no match: guessing between ACT and DEACT is worse than
/// sending the message to the knowledge base. Immutable after construction, so safe to share between threads.
/// </remarks>
public sealed class TolerantKeywordIndex<TValue>
{
    // Below four letters (in the keyword and in the word typed) one edit turns too many ordinary words into
    // keywords: "BAK" would be BAL, and "СТО" (a hundred) would be СТОП.
    private const int MinTypoLength = 4;

    private readonly IEqualityComparer<TValue> comparer;
    private readonly Dictionary<string, TValue> byText = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TValue> bySkeleton = new(StringComparer.Ordinal);
    private readonly List<KeyValuePair<string, TValue>> typoCandidates = [];

    /// <param name="keywords">Keyword and value pairs; a value may have many keywords.</param>
    /// <param name="comparer">
    /// Decides when two values are the same thing, so that keywords sharing it are neither a conflict nor an
    /// ambiguity (the parser compares action codes, not aliases). Defaults to <see cref="EqualityComparer{T}.Default"/>.
    /// </param>
    /// <exception cref="ArgumentException">A keyword is empty, or two keywords that read or look the same have different values.</exception>
    public TolerantKeywordIndex(IEnumerable<KeyValuePair<string, TValue>> keywords, IEqualityComparer<TValue>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(keywords);
        this.comparer = comparer ?? EqualityComparer<TValue>.Default;
        foreach (var (keyword, value) in keywords)
        {
            var text = KeywordText.Normalize(keyword);
            if (text.Length == 0)
            {
                throw new ArgumentException("A keyword is empty.", nameof(keywords));
            }

            var skeleton = KeywordText.Skeleton(text);
            if (!TryAdd(byText, text, value, out _) || !TryAdd(bySkeleton, skeleton, value, out var isNewSkeleton))
            {
                throw new ArgumentException($"The keyword '{keyword}' reads or looks the same as another keyword with a different value.", nameof(keywords));
            }

            if (isNewSkeleton && skeleton.Length >= MinTypoLength)
            {
                typoCandidates.Add(KeyValuePair.Create(skeleton, value));
            }
        }
    }

    /// <summary>Finds the value of <paramref name="word"/>: exact and look-alike matches first, then a single typo.</summary>
    public bool TryMatch(string word, [MaybeNullWhen(false)] out TValue value)
    {
        ArgumentNullException.ThrowIfNull(word);
        return TryMatchNormalized(KeywordText.Normalize(word), out value);
    }

    /// <summary>The same as <see cref="TryMatch"/> for text the caller has already normalized.</summary>
    internal bool TryMatchNormalized(string normalized, [MaybeNullWhen(false)] out TValue value)
    {
        // The text lookup comes first so that "ОК" typed in Cyrillic finds the Russian alias rather than the English "OK".
        if (byText.TryGetValue(normalized, out value))
        {
            return true;
        }

        var skeleton = KeywordText.Skeleton(normalized);
        return bySkeleton.TryGetValue(skeleton, out value) || TryMatchWithTypo(skeleton, out value);
    }

    /// <summary>Matches a skeleton one edit away from the keywords of exactly one value.</summary>
    private bool TryMatchWithTypo(string skeleton, [MaybeNullWhen(false)] out TValue value)
    {
        value = default;
        if (skeleton.Length < MinTypoLength)
        {
            return false;
        }

        var found = false;
        foreach (var (candidate, candidateValue) in typoCandidates)
        {
            if (!KeywordText.IsWithinOneEdit(skeleton, candidate))
            {
                continue;
            }

            if (!found)
            {
                value = candidateValue;
                found = true;
            }
            else if (!comparer.Equals(value, candidateValue))
            {
                value = default;
                return false;
            }
        }

        return found;
    }

    /// <returns>False when the key is taken by a different value.</returns>
    private bool TryAdd(Dictionary<string, TValue> index, string key, TValue value, out bool added)
    {
        added = index.TryAdd(key, value);
        return added || comparer.Equals(index[key], value);
    }
}
