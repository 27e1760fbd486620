using Microsoft.Extensions.Logging;
using SelfService.Speech.Synthesis;

namespace SelfService.Speech.Tests.Synthesis;

/// <summary>Runs the real espeak-ng (tests/install-peers installs Debian's package).</summary>
public sealed class EspeakNgSynthesizerTests
{
    private static readonly SpeechOptions Options = new();
    private VoicePrompt _russian = null!;
    private VoicePrompt _english = null!;

    [OneTimeSetUp]
    public async Task SpeakBothLanguagesOnce()
    {
        var synthesizer = new EspeakNgSynthesizer(Options, new CapturedLogger<EspeakNgSynthesizer>());
        _russian = await synthesizer.SynthesizeAsync("Ваш баланс: сто двадцать три рубля.", Options.VoiceFor("ru"), CancellationToken.None);
        _english = await synthesizer.SynthesizeAsync("Your balance is one hundred and twenty-three roubles.", Options.VoiceFor("en"), CancellationToken.None);
    }

    [Test]
    public void Synthesize_RussianAndEnglish_AreSpeechOfPlausibleLength()
    {
        foreach (var prompt in new[] { _russian, _english })
        {
            Assert.That(prompt.Source, Is.EqualTo(PromptSource.Synthesized));
            Assert.That(prompt.Duration, Is.InRange(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8)));
            // Speech, not silence: loud on average, and loud in most quarter-seconds.
            Assert.That(Signals.Rms(prompt.Samples.Span), Is.GreaterThan(500));
            var loudQuarters = Enumerable.Range(0, prompt.Samples.Length / 2000)
                .Count(quarter => Signals.Rms(prompt.Samples.Span.Slice(quarter * 2000, 2000)) > 300);
            Assert.That(loudQuarters, Is.GreaterThanOrEqualTo(prompt.Samples.Length / 2000 / 2));
        }
    }

    [Test]
    public async Task Synthesize_SameTextInTwoLanguages_SoundsDifferent()
    {
        var synthesizer = new EspeakNgSynthesizer(Options, new CapturedLogger<EspeakNgSynthesizer>());

        var russian = await synthesizer.SynthesizeAsync("12345", Options.VoiceFor("ru"), CancellationToken.None);
        var english = await synthesizer.SynthesizeAsync("12345", Options.VoiceFor("en"), CancellationToken.None);

        Assert.That(russian.Samples.ToArray(), Is.Not.EqualTo(english.Samples.ToArray()));
        Assert.That(_russian.Samples.ToArray(), Is.Not.EqualTo(_english.Samples.ToArray()));
        Assert.That(russian.Samples.Length, Is.Not.EqualTo(english.Samples.Length));
    }

    [Test]
    public async Task Synthesize_TextThatLooksLikeAnOption_IsSpokenNotObeyed()
    {
        // On the command line "--help" would print help (and no WAV); on stdin it is just words.
        var synthesizer = new EspeakNgSynthesizer(Options, new CapturedLogger<EspeakNgSynthesizer>());

        var prompt = await synthesizer.SynthesizeAsync("--help", Options.VoiceFor("en"), CancellationToken.None);

        Assert.That(Signals.Rms(prompt.Samples.Span), Is.GreaterThan(300));
    }

    [Test]
    public async Task Synthesize_BlankText_IsAnEmptyPromptWithoutARun()
    {
        var synthesizer = new EspeakNgSynthesizer(Options, new CapturedLogger<EspeakNgSynthesizer>());

        var prompt = await synthesizer.SynthesizeAsync("   ", Options.VoiceFor("ru"), CancellationToken.None);

        Assert.That(prompt.IsEmpty, Is.True);
    }

    [Test]
    public async Task Synthesize_ProgramMissing_FailsWithSynthesizerMissingAndLogs()
    {
        var logger = new CapturedLogger<EspeakNgSynthesizer>();
        var synthesizer = new EspeakNgSynthesizer(new SpeechOptions { EspeakPath = "/nonexistent/espeak-ng" }, logger);

        var error = await Assert.ThrowsAsync<SpeechSynthesisException>(() => synthesizer.SynthesizeAsync("Привет", Options.VoiceFor("ru"), CancellationToken.None));

        Assert.That(error!.Failure, Is.EqualTo(SpeechFailure.SynthesizerMissing));
        Assert.That(error.Message, Does.Contain("install the Debian package espeak-ng"));
        Assert.That(logger.At(LogLevel.Error).Single(), Does.Contain("SynthesizerMissing"));
    }

    [Test]
    public async Task Synthesize_UnknownVoice_FailsWithEspeaksOwnReason()
    {
        var logger = new CapturedLogger<EspeakNgSynthesizer>();
        var synthesizer = new EspeakNgSynthesizer(Options, logger);

        var error = await Assert.ThrowsAsync<SpeechSynthesisException>(() =>
            synthesizer.SynthesizeAsync("Hello", new VoiceSettings("en", "xx-no-such-voice", 150, 50), CancellationToken.None));

        Assert.That(error!.Failure, Is.EqualTo(SpeechFailure.SynthesizerFailed));
        Assert.That(error.Message, Does.Contain("does not exist"));
        Assert.That(logger.At(LogLevel.Error).Single(), Does.Contain("SynthesizerFailed"));
    }

    [Test]
    public async Task Synthesize_ProgramHangs_IsKilledAtTheTimeLimit()
    {
        using var folder = new TemporaryFolder();
        var hanging = HangingProgram(folder, out _);
        var synthesizer = new EspeakNgSynthesizer(new SpeechOptions { EspeakPath = hanging, SynthesisTimeout = TimeSpan.FromMilliseconds(300) },
            new CapturedLogger<EspeakNgSynthesizer>());

        var error = await Assert.ThrowsAsync<SpeechSynthesisException>(() => synthesizer.SynthesizeAsync("Hello", Options.VoiceFor("en"), CancellationToken.None));

        Assert.That(error!.Failure, Is.EqualTo(SpeechFailure.TimedOut));
        Assert.That(error.Message, Does.Contain("was killed"));
    }

    [Test]
    public async Task Synthesize_CallerGivesUp_KillsTheProcess()
    {
        using var folder = new TemporaryFolder();
        var hanging = HangingProgram(folder, out var pidFile);
        var synthesizer = new EspeakNgSynthesizer(new SpeechOptions { EspeakPath = hanging }, new CapturedLogger<EspeakNgSynthesizer>());
        using var hangUp = new CancellationTokenSource();

        var synthesis = synthesizer.SynthesizeAsync("Hello", Options.VoiceFor("en"), hangUp.Token);
        var pid = await WaitForPidAsync(pidFile);
        await hangUp.CancelAsync();

        Assert.That(async () => await synthesis, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(Directory.Exists($"/proc/{pid}"), Is.False, "the hung process is gone (killed and reaped)");
    }

    /// <summary>A program that records its pid and then never answers: what a wedged espeak-ng looks like from outside.</summary>
    private static string HangingProgram(TemporaryFolder folder, out string pidFile)
    {
        pidFile = folder.File("pid");
        var script = folder.File("hanging-espeak");
        File.WriteAllText(script, $"#!/bin/sh\necho $$ > '{pidFile}.tmp' && mv '{pidFile}.tmp' '{pidFile}'\nexec sleep 120\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);
        return script;
    }

    private static async Task<int> WaitForPidAsync(string pidFile)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!File.Exists(pidFile)) await Task.Delay(10, patience.Token);
        return int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
