namespace SelfService.Commands.Understanding;

/// <summary>A phrase found in a message: what it stands for, and which words (of the message without fillers) it covers.</summary>
/// <param name="Exact">False when a word matched only with a typo.</param>
public readonly record struct PhraseMatch<TValue>(TValue Value, int Start, int Length, bool Exact)
{
    public int End => Start + Length;

    public bool Overlaps(PhraseMatch<TValue> other) => Start < other.End && other.Start < End;
}
