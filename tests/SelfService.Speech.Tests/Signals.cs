namespace SelfService.Speech.Tests;

/// <summary>Test signals and the measurements the audio tests make on them.</summary>
internal static class Signals
{
    public static short[] Tone(double frequency, int sampleRate, int count, double amplitude = 10000)
    {
        var samples = new short[count];
        for (var i = 0; i < count; i++) samples[i] = (short)Math.Round(amplitude * Math.Sin(2 * Math.PI * frequency * i / sampleRate));
        return samples;
    }

    public static double Rms(ReadOnlySpan<short> samples)
    {
        if (samples.IsEmpty) return 0;
        double sum = 0;
        foreach (var s in samples) sum += (double)s * s;
        return Math.Sqrt(sum / samples.Length);
    }

    /// <summary>The amplitude of the <paramref name="frequency"/> component (a single-bin DFT over the whole span).</summary>
    public static double AmplitudeAt(ReadOnlySpan<short> samples, double frequency, int sampleRate)
    {
        double re = 0, im = 0;
        for (var i = 0; i < samples.Length; i++)
        {
            var angle = 2 * Math.PI * frequency * i / sampleRate;
            re += samples[i] * Math.Cos(angle);
            im -= samples[i] * Math.Sin(angle);
        }
        return 2 * Math.Sqrt(re * re + im * im) / samples.Length;
    }

    /// <summary>The strongest frequency, searched in 20 Hz steps up to Nyquist.</summary>
    public static double DominantFrequency(ReadOnlySpan<short> samples, int sampleRate)
    {
        double best = 0, bestAmplitude = -1;
        for (var f = 20.0; f < sampleRate / 2.0; f += 20)
        {
            var amplitude = AmplitudeAt(samples, f, sampleRate);
            if (amplitude > bestAmplitude) (best, bestAmplitude) = (f, amplitude);
        }
        return best;
    }

    /// <summary>The middle of a signal, away from the edges where the filter meets silence.</summary>
    public static ReadOnlySpan<short> Middle(short[] samples, int trim) => samples.AsSpan(trim, samples.Length - 2 * trim);
}
