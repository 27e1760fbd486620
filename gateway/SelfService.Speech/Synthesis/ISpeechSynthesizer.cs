namespace SelfService.Speech.Synthesis;

/// <summary>Speaks a prepared text (see <see cref="SpeechText"/>) into 8 kHz mono audio.</summary>
public interface ISpeechSynthesizer
{
    /// <exception cref="SpeechSynthesisException">The synthesizer is missing, failed, hung, or wrote no readable audio.</exception>
    Task<VoicePrompt> SynthesizeAsync(string text, VoiceSettings voice, CancellationToken cancellationToken);
}
