namespace SelfService.Speech;

/// <summary>
/// Audio ready for a call: 8 kHz mono 16-bit linear PCM (what G.711 encodes), with where it came from.
/// The samples are shared between callers and never changed.
/// </summary>
public sealed class VoicePrompt
{
    /// <summary>The telephone rate (RFC 3551 §4.5.14: PCMU and PCMA are 8000 Hz).</summary>
    public const int SampleRate = 8000;

    public VoicePrompt(ReadOnlyMemory<short> samples, PromptSource source)
    {
        Samples = samples;
        Source = source;
    }

    /// <summary>Nothing to say: an empty text, or a text with nothing speakable in it.</summary>
    public static VoicePrompt Empty { get; } = new(ReadOnlyMemory<short>.Empty, PromptSource.Synthesized);

    public ReadOnlyMemory<short> Samples { get; }

    public PromptSource Source { get; }

    public TimeSpan Duration => TimeSpan.FromSeconds((double)Samples.Length / SampleRate);

    public bool IsEmpty => Samples.IsEmpty;
}
