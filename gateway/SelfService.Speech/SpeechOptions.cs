using System.Text.RegularExpressions;

namespace SelfService.Speech;

/// <summary>Speech settings (the "Speech" section when the gateway binds them).</summary>
public sealed partial class SpeechOptions
{
    /// <summary>The espeak-ng program: a name looked up on PATH, or a full path.</summary>
    public string EspeakPath { get; set; } = "espeak-ng";

    /// <summary>The espeak-ng voice for each language the gateway speaks (see `espeak-ng --voices`).</summary>
    public Dictionary<string, string> Voices { get; set; } = new(StringComparer.OrdinalIgnoreCase) { ["ru"] = "ru", ["en"] = "en-us" };

    /// <summary>Speaking rate; a little under espeak-ng's 175, since a telephone line loses the top of the voice.</summary>
    public int WordsPerMinute { get; set; } = 150;

    /// <summary>espeak-ng pitch, 0 to 99 (50 is its default).</summary>
    public int Pitch { get; set; } = 50;

    /// <summary>One synthesis that runs longer is killed and fails with <see cref="SpeechFailure.TimedOut"/>.</summary>
    public TimeSpan SynthesisTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Longer texts are cut (at the last sentence end within the limit, else the last space) before synthesis:
    /// 500 characters are about half a minute of speech, more than a caller listens to.
    /// </summary>
    public int MaxTextLength { get; set; } = 500;

    /// <summary>How much synthesized audio the memory cache keeps, in seconds of speech (the least recently used goes first).</summary>
    public int MemoryCacheSeconds { get; set; } = 1800;

    /// <summary>Where synthesized prompts are also kept across restarts (one WAV per text); none when empty.</summary>
    public string? CacheFolder { get; set; }

    /// <summary>The operator's recorded prompts, {folder}/{language}/{key}.wav; none when empty.</summary>
    public string? RecordedPromptsFolder { get; set; }

    /// <summary>The problems with these settings, empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(EspeakPath)) problems.Add("Speech:EspeakPath is empty");
        if (Voices.Count == 0) problems.Add("Speech:Voices names no language");
        foreach (var (language, voice) in Voices)
            if (!VoiceName().IsMatch(voice ?? "")) problems.Add($"Speech:Voices:{language} '{voice}' is not an espeak-ng voice name");
        if (WordsPerMinute is < 80 or > 450) problems.Add("Speech:WordsPerMinute must be 80 to 450");
        if (Pitch is < 0 or > 99) problems.Add("Speech:Pitch must be 0 to 99");
        if (SynthesisTimeout <= TimeSpan.Zero) problems.Add("Speech:SynthesisTimeout must be positive");
        if (MaxTextLength < 20) problems.Add("Speech:MaxTextLength must be at least 20");
        if (MemoryCacheSeconds < 0) problems.Add("Speech:MemoryCacheSeconds cannot be negative");
        return problems;
    }

    /// <summary>The settings a text in <paramref name="language"/> is spoken with (part of the cache key).</summary>
    public VoiceSettings VoiceFor(string language)
    {
        if (!Voices.TryGetValue(language, out var voice))
            throw new ArgumentOutOfRangeException(nameof(language), language, $"no voice is set for language '{language}' (Speech:Voices has {string.Join(", ", Voices.Keys)})");
        return new VoiceSettings(language.ToLowerInvariant(), voice, WordsPerMinute, Pitch);
    }

    // A voice is passed to espeak-ng as one argument; still, a name that starts with '-' would read as an option.
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9+_-]*$")]
    private static partial Regex VoiceName();
}
