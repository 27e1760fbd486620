namespace SelfService.Speech.Audio;

/// <summary>A WAV file's audio mixed down to mono 16-bit samples, at the file's own rate.</summary>
/// <param name="Format">What the file held, for messages ("PCM 16-bit stereo 44100 Hz").</param>
public sealed record WavAudio(int SampleRate, short[] Samples, string Format);
