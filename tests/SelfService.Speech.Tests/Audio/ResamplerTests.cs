using SelfService.Speech.Audio;

namespace SelfService.Speech.Tests.Audio;

public sealed class ResamplerTests
{
    private const int Telephone = 8000;

    [TestCase(22050)]
    [TestCase(44100)]
    [TestCase(48000)]
    [TestCase(16000)]
    [TestCase(11025)]
    [TestCase(44101)]   // an odd rate: 8000 phases, served by the nearest of 512
    public void Convert_OneKilohertzTone_StaysOneKilohertzAtFullLevel(int from)
    {
        var input = Signals.Tone(1000, from, from);

        var output = Resampler.Convert(input, from, Telephone);

        var middle = Signals.Middle(output, 400);
        Assert.That(output, Has.Length.EqualTo(Telephone));
        Assert.That(Signals.DominantFrequency(middle, Telephone), Is.EqualTo(1000).Within(20));
        Assert.That(Signals.AmplitudeAt(middle, 1000, Telephone), Is.EqualTo(10000).Within(10000 * 0.02));
    }

    [Test]
    public void Convert_ToneInTheTelephoneBand_PassesAtFullLevel()
    {
        var output = Resampler.Convert(Signals.Tone(3000, 22050, 11025), 22050, Telephone);

        Assert.That(Signals.AmplitudeAt(Signals.Middle(output, 400), 3000, Telephone), Is.EqualTo(10000).Within(10000 * 0.05));
    }

    [TestCase(22050, 6000)]   // would fold to 2 kHz
    [TestCase(22050, 9000)]   // would fold to 1 kHz
    [TestCase(44100, 5000)]   // would fold to 3 kHz
    [TestCase(48000, 7000)]   // would fold to 1 kHz
    [TestCase(44101, 6000)]   // would fold to 2 kHz
    public void Convert_ToneAboveFourKilohertz_IsRemovedNotAliased(int from, double frequency)
    {
        var input = Signals.Tone(frequency, from, from / 2);

        var output = Resampler.Convert(input, from, Telephone);

        // At least 60 dB down: what is left is rounding noise, not a folded tone.
        Assert.That(Signals.Rms(Signals.Middle(output, 400)), Is.LessThan(Signals.Rms(input) / 1000));
    }

    [Test]
    public void Convert_NaiveDecimationWouldAlias_TheTestSignalIsRealProof()
    {
        // Keeping every sixth sample of a 7 kHz tone at 48 kHz turns it into a loud 1 kHz tone: what the filter prevents.
        var input = Signals.Tone(7000, 48000, 24000);
        var naive = input.Where((_, i) => i % 6 == 0).ToArray();

        Assert.That(Signals.DominantFrequency(naive, Telephone), Is.EqualTo(1000).Within(20));
        Assert.That(Signals.Rms(naive), Is.GreaterThan(5000));
    }

    [Test]
    public void Convert_ConstantSignal_StaysConstant()
    {
        var input = Enumerable.Repeat((short)1234, 22050).ToArray();

        var output = Resampler.Convert(input, 22050, Telephone);

        Assert.That(Signals.Middle(output, 200).ToArray(), Is.All.InRange(1233, 1235));
    }

    [Test]
    public void Convert_SameRate_ReturnsTheSamples()
    {
        short[] input = [1, 2, 3];

        Assert.That(Resampler.Convert(input, Telephone, Telephone), Is.EqualTo(input));
    }

    [Test]
    public void Convert_Upsampling_KeepsTheTone()
    {
        var output = Resampler.Convert(Signals.Tone(1000, 6000, 3000), 6000, Telephone);

        Assert.That(output, Has.Length.EqualTo(4000));
        Assert.That(Signals.DominantFrequency(Signals.Middle(output, 400), Telephone), Is.EqualTo(1000).Within(20));
    }
}
