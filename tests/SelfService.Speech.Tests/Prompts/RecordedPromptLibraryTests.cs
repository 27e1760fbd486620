using Microsoft.Extensions.Logging;
using SelfService.Speech.Prompts;

namespace SelfService.Speech.Tests.Prompts;

public sealed class RecordedPromptLibraryTests
{
    [Test]
    public void Load_TheSampleOperatorsPrompts_LoadWithoutProblems()
    {
        var logger = new CapturedLogger<RecordedPromptLibrary>();

        var library = RecordedPromptLibrary.Load(Path.Combine(RepositoryPaths.OperatorSamples, "prompts"), logger);

        Assert.That(library.Problems, Is.Empty);
        foreach (var language in new[] { "ru", "en" })
        {
            Assert.That(library.TryGet("greeting", language, out var greeting), Is.True, language);
            Assert.That(greeting!.Source, Is.EqualTo(PromptSource.Recorded));
            Assert.That(greeting.Duration, Is.InRange(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10)));
            Assert.That(Signals.Rms(greeting.Samples.Span), Is.GreaterThan(500), "speech, not silence");
        }
        Assert.That(logger.At(LogLevel.Information).Single(), Does.Contain("2 usable, 0 not"));
    }

    [Test]
    public void Load_CommonFormats_AllBecomeOneSecondAt8Kilohertz()
    {
        using var folder = new TemporaryFolder();
        var rates = new[] { 8000, 16000, 22050, 44100, 48000 };
        foreach (var rate in rates)
        {
            var tone = Signals.Tone(1000, rate, rate);
            File.WriteAllBytes(folder.File("en", $"mono-{rate}.wav"), WavBuilder.Mono16(rate, tone));
            File.WriteAllBytes(folder.File("en", $"stereo-{rate}.wav"), WavBuilder.Stereo16(rate, tone, tone));
        }
        var muLaw = Enumerable.Range(0, 8000).Select(i => (byte)(i % 2 == 0 ? 0x80 : 0x00)).ToArray();   // ±32124 at 4 kHz: a square edge case
        File.WriteAllBytes(folder.File("en", "g711.wav"), new WavBuilder().Chunk("fmt ", WavBuilder.Format(7, 1, 8000, 8)).Chunk("data", muLaw).Build());

        var library = RecordedPromptLibrary.Load(folder.Path, new CapturedLogger<RecordedPromptLibrary>());

        Assert.That(library.Problems, Is.Empty);
        Assert.That(library.Count, Is.EqualTo(2 * rates.Length + 1));
        foreach (var (_, key) in library.Keys)
        {
            Assert.That(library.TryGet(key, "en", out var prompt), Is.True);
            Assert.That(prompt!.Samples.Length, Is.EqualTo(8000), key);
            if (key != "g711") Assert.That(Signals.DominantFrequency(Signals.Middle(prompt.Samples.ToArray(), 400), 8000), Is.EqualTo(1000).Within(20), key);
        }
    }

    [Test]
    public void Load_UnusableFiles_AreLoggedAndListedAndTheRestLoads()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllBytes(folder.File("ru", "greeting.wav"), WavBuilder.Mono16(8000, Signals.Tone(500, 8000, 4000)));
        File.WriteAllText(folder.File("ru", "goodbye.wav"), "this was an MP3 renamed to .wav");
        File.WriteAllBytes(folder.File("ru", "silent.wav"), WavBuilder.Mono16(8000, []));
        File.WriteAllText(folder.File("ru", "menu-main.mp3"), "ID3");
        File.WriteAllBytes(folder.File("ru", "Bad Key!.wav"), WavBuilder.Mono16(8000, [1, 2]));
        File.WriteAllBytes(folder.File("greeting.wav"), WavBuilder.Mono16(8000, [1, 2]));
        File.WriteAllBytes(folder.File("Russian", "greeting.wav"), WavBuilder.Mono16(8000, [1, 2]));
        File.WriteAllText(folder.File("ru", ".notes"), "hidden files are the operator's own");
        var logger = new CapturedLogger<RecordedPromptLibrary>();

        var library = RecordedPromptLibrary.Load(folder.Path, logger);

        Assert.That(library.TryGet("GREETING", "RU", out _), Is.True, "keys and languages ignore case");
        Assert.That(library.Count, Is.EqualTo(1));
        var reasons = library.Problems.ToDictionary(problem => Path.GetRelativePath(folder.Path, problem.Path), problem => problem.Reason);
        Assert.That(reasons.Keys, Is.EquivalentTo(new[]
        {
            "greeting.wav", "Russian", Path.Combine("ru", "Bad Key!.wav"), Path.Combine("ru", "goodbye.wav"),
            Path.Combine("ru", "menu-main.mp3"), Path.Combine("ru", "silent.wav"),
        }));
        Assert.That(reasons[Path.Combine("ru", "goodbye.wav")], Does.Contain("not a usable WAV file: not a WAV file (no RIFF header)"));
        Assert.That(reasons[Path.Combine("ru", "silent.wav")], Does.Contain("no audio"));
        Assert.That(reasons[Path.Combine("ru", "menu-main.mp3")], Does.Contain("only .wav files"));
        Assert.That(reasons["greeting.wav"], Does.Contain("language folder"));
        Assert.That(logger.At(LogLevel.Error).Count(), Is.EqualTo(6));
        Assert.That(logger.At(LogLevel.Error), Has.Some.Contains("goodbye.wav").And.Contains("the synthesized prompt plays instead"));
    }

    [Test]
    public void Load_FolderMissing_IsAProblemNotACrash()
    {
        var library = RecordedPromptLibrary.Load("/nonexistent/prompts", new CapturedLogger<RecordedPromptLibrary>());

        Assert.That(library.Count, Is.Zero);
        Assert.That(library.Problems.Single().Reason, Does.Contain("does not exist"));
    }

    [Test]
    public void Load_NoFolderConfigured_IsEmpty()
    {
        var library = RecordedPromptLibrary.Load(null, new CapturedLogger<RecordedPromptLibrary>());

        Assert.That(library.Count, Is.Zero);
        Assert.That(library.Problems, Is.Empty);
    }
}
