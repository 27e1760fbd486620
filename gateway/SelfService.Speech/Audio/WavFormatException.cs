namespace SelfService.Speech.Audio;

/// <summary>The bytes are not a WAV file this reader understands; the message says what is wrong, for the operator.</summary>
public sealed class WavFormatException(string message) : Exception(message);
