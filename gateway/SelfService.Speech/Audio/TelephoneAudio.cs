namespace SelfService.Speech.Audio;

/// <summary>Turns any WAV the reader understands into what a call carries: 8 kHz mono 16-bit.</summary>
public static class TelephoneAudio
{
    public static short[] FromWav(ReadOnlySpan<byte> file) => FromWav(WavReader.Read(file));

    public static short[] FromWav(WavAudio audio) => Resampler.Convert(audio.Samples, audio.SampleRate, VoicePrompt.SampleRate);
}
