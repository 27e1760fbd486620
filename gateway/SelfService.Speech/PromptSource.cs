namespace SelfService.Speech;

/// <summary>Where a prompt's audio came from.</summary>
public enum PromptSource
{
    /// <summary>espeak-ng spoke the text (now or earlier: the cache keeps what it said).</summary>
    Synthesized,

    /// <summary>An operator's recording from the prompts folder.</summary>
    Recorded,
}
