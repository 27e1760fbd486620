namespace SelfService.Speech;

/// <summary>How a text is spoken: with the text, the key of a synthesized prompt.</summary>
/// <param name="Language">ru or en: picks the voice and the spoken-text rules.</param>
/// <param name="Voice">The espeak-ng voice (ru, en-us...).</param>
public sealed record VoiceSettings(string Language, string Voice, int WordsPerMinute, int Pitch);
