namespace SelfService.Speech;

/// <summary>
/// Speech could not be produced. The voice channel catches this one type and falls back (a recorded prompt, a
/// transfer to a person); <see cref="Failure"/> says why, for logs and figures.
/// </summary>
public sealed class SpeechSynthesisException(SpeechFailure failure, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    public SpeechFailure Failure { get; } = failure;
}
