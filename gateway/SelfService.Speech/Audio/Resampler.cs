using System.Collections.Concurrent;

namespace SelfService.Speech.Audio;

/// <summary>
/// A rational-ratio polyphase resampler with a Kaiser-windowed sinc low-pass, so that going down to 8 kHz removes
/// everything above 4 kHz instead of folding it back into the telephone band (a 6 kHz hiss at 22.05 kHz would
/// otherwise come out as a 2 kHz whistle).
/// </summary>
/// <remarks>
/// Output sample n sits at input time t = n·from/to. With from/to reduced to M/L the fractional part of t takes only
/// L values, so the filter is precomputed as L phases of 2H taps (at most 512: see <see cref="MaxTablePhases"/>).
/// The pass band ends 15 % below the lower Nyquist frequency (3.4 kHz for 8 kHz: the telephone band) and the stop
/// band starts at it, attenuated by about 80 dB.
/// </remarks>
public sealed class Resampler
{
    private const double StopbandAttenuationDb = 80;
    private const double TransitionFraction = 0.15;

    /// <summary>
    /// Usual rates need few phases (22 050 Hz: 160; 11 025 Hz: 320); an odd rate (44 101 Hz) would need thousands, and
    /// above this many the nearest of this many is used. The timing error is then under 1/1024 of an input sample: from
    /// 16 kHz up, a 3.4 kHz tone's error is more than 55 dB below it, well under G.711's own noise (about 38 dB down).
    /// </summary>
    private const int MaxTablePhases = 512;

    private static readonly ConcurrentDictionary<(int From, int To), Resampler> Cache = new();

    private readonly int _up;
    private readonly int _down;
    private readonly int _halfWidth;
    private readonly double _cutoff;
    private readonly double _beta;
    private readonly double _besselOfBeta;
    private readonly int _phases;
    private readonly float[] _table;

    private Resampler(int from, int to)
    {
        From = from;
        To = to;
        var divisor = Gcd(from, to);
        _up = to / divisor;
        _down = from / divisor;

        var stopHz = Math.Min(from, to) / 2.0;
        var transitionHz = stopHz * TransitionFraction;
        _cutoff = (stopHz - transitionHz / 2) / from;                       // cycles per input sample
        // Kaiser's estimates for the window length and shape (Oppenheim & Schafer, eq. 7.76 and 7.75).
        var taps = (StopbandAttenuationDb - 7.95) / (14.36 * transitionHz / from);
        _halfWidth = (int)Math.Ceiling(taps / 2);
        _beta = 0.1102 * (StopbandAttenuationDb - 8.7);
        _besselOfBeta = BesselI0(_beta);

        _phases = Math.Min(_up, MaxTablePhases);
        _table = new float[_phases * 2 * _halfWidth];
        for (var phase = 0; phase < _phases; phase++) FillPhase((double)phase / _phases, _table.AsSpan(phase * 2 * _halfWidth, 2 * _halfWidth));
    }

    public int From { get; }

    public int To { get; }

    /// <summary>
    /// The resampler for this pair of rates. The filter of a usual pair is built once and shared; an odd rate's (from a
    /// damaged or unusual file) is built for the one use, so strange files cannot fill memory with filters.
    /// </summary>
    public static Resampler For(int from, int to)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(from, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(to, 1);
        if (Cache.TryGetValue((from, to), out var cached)) return cached;
        var resampler = new Resampler(from, to);
        return resampler._phases == resampler._up ? Cache.GetOrAdd((from, to), resampler) : resampler;
    }

    /// <summary>Converts a rate in one go: <paramref name="samples"/> at <paramref name="from"/> Hz to <paramref name="to"/> Hz.</summary>
    public static short[] Convert(ReadOnlySpan<short> samples, int from, int to) =>
        from == to ? samples.ToArray() : For(from, to).Process(samples);

    public short[] Process(ReadOnlySpan<short> input)
    {
        var outputLength = (int)((long)input.Length * _up / _down);
        var output = new short[outputLength];
        var width = 2 * _halfWidth;
        for (var n = 0; n < outputLength; n++)
        {
            var position = (long)n * _down;
            var whole = (int)(position / _up);
            var phase = (int)(position % _up);
            if (_phases != _up)
            {
                phase = (int)Math.Round((double)phase * _phases / _up);
                if (phase == _phases) (whole, phase) = (whole + 1, 0);
            }
            var taps = _table.AsSpan(phase * width, width);

            // Taps cover input samples whole-H+1 … whole+H; outside the signal counts as silence.
            var first = whole - _halfWidth + 1;
            var start = Math.Max(0, -first);
            var end = Math.Min(width, input.Length - first);
            var sum = 0.0;
            for (var m = start; m < end; m++) sum += taps[m] * input[first + m];
            output[n] = WavReader.ToShort(sum);
        }
        return output;
    }

    /// <param name="fraction">Where the output sample falls between two input samples, 0 ≤ fraction &lt; 1.</param>
    private void FillPhase(double fraction, Span<float> taps)
    {
        var total = 0.0;
        Span<double> values = taps.Length <= 1024 ? stackalloc double[taps.Length] : new double[taps.Length];
        for (var m = 0; m < taps.Length; m++)
        {
            // The distance from the output instant to input sample (whole - H + 1 + m).
            var tau = fraction + _halfWidth - 1 - m;
            values[m] = Kernel(tau);
            total += values[m];
        }
        // Each phase sums to exactly 1, so a constant signal stays constant (no ripple at the phase rate).
        for (var m = 0; m < taps.Length; m++) taps[m] = (float)(values[m] / total);
    }

    private double Kernel(double tau)
    {
        var x = tau / _halfWidth;
        if (Math.Abs(x) >= 1) return 0;
        var window = BesselI0(_beta * Math.Sqrt(1 - x * x)) / _besselOfBeta;
        var argument = 2 * _cutoff * tau;
        var sinc = argument == 0 ? 1 : Math.Sin(Math.PI * argument) / (Math.PI * argument);
        return 2 * _cutoff * sinc * window;
    }

    /// <summary>The zeroth-order modified Bessel function of the first kind, by its power series.</summary>
    private static double BesselI0(double x)
    {
        double sum = 1, term = 1, half = x / 2;
        for (var k = 1; k < 64 && term > 1e-12 * sum; k++)
        {
            term *= half / k * (half / k);
            sum += term;
        }
        return sum;
    }

    private static int Gcd(int a, int b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return a;
    }
}
