namespace SelfService.Commands.Understanding;

/// <summary>A phrase found in a message: what it stands for, and which words (of the message without fillers) it covers.</summary>
/// <param name="Exact">False when a word matched only with a typo.</param>
/// <param name="Skipped">The one word inside the span that is not the phrase's ("какие [подключены] услуги"), or -1.</param>
public readonly record struct PhraseMatch<TValue>(TValue Value, int Start, int Length, bool Exact, int Skipped = -1)
{
    public int End => Start + Length;

    /// <summary>The words of the phrase itself: the span without the skipped word.</summary>
    public IEnumerable<int> Words
    {
        get
        {
            for (var i = Start; i < End; i++)
            {
                if (i != Skipped) yield return i;
            }
        }
    }

    /// <summary>How many of the message's words the phrase accounts for.</summary>
    public int Weight => Skipped < 0 ? Length : Length - 1;

    public bool Overlaps(PhraseMatch<TValue> other) => Start < other.End && other.Start < End;
}
