using Microsoft.Extensions.Logging;
using SelfService.Speech.Prompts;
using SelfService.Speech.Synthesis;
using SelfService.Speech.Tests.Synthesis;

namespace SelfService.Speech.Tests;

/// <summary>The voice channel's entry point, over the real espeak-ng and the sample operator's recorded prompts.</summary>
public sealed class VoicePromptsTests
{
    private sealed record Setup(VoicePrompts Prompts, CountingSynthesizer Synthesizer, CapturedLogger<VoicePrompts> Logger);

    private static Setup Create(SpeechOptions options, RecordedPromptLibrary? recorded = null)
    {
        var synthesizer = new CountingSynthesizer(new EspeakNgSynthesizer(options, new CapturedLogger<EspeakNgSynthesizer>()));
        var cache = new SynthesizedPromptCache(synthesizer, options, new CapturedLogger<SynthesizedPromptCache>());
        var logger = new CapturedLogger<VoicePrompts>();
        recorded ??= RecordedPromptLibrary.Load(options.RecordedPromptsFolder, new CapturedLogger<RecordedPromptLibrary>());
        return new Setup(new VoicePrompts(options, recorded, cache, logger), synthesizer, logger);
    }

    private static SpeechOptions SampleOperator() => new() { RecordedPromptsFolder = Path.Combine(RepositoryPaths.OperatorSamples, "prompts") };

    [Test]
    public async Task Prompt_RecordingExists_PlaysTheRecordingWithoutSynthesizing()
    {
        var (prompts, synthesizer, _) = Create(SampleOperator());

        var greeting = await prompts.PromptAsync("greeting", "ru", "Здравствуйте!", CancellationToken.None);

        Assert.That(greeting.Source, Is.EqualTo(PromptSource.Recorded));
        Assert.That(prompts.Recorded.TryGet("greeting", "ru", out var recorded), Is.True);
        Assert.That(greeting.Samples.ToArray(), Is.EqualTo(recorded!.Samples.ToArray()));
        Assert.That(synthesizer.Runs, Is.Zero);
    }

    [Test]
    public async Task Prompt_NoRecording_SpeaksTheText()
    {
        var (prompts, synthesizer, _) = Create(SampleOperator());

        var prompt = await prompts.PromptAsync("invalid-key", "en", "Sorry, that key is not in the menu.", CancellationToken.None);

        Assert.That(prompt.Source, Is.EqualTo(PromptSource.Synthesized));
        Assert.That(prompt.IsEmpty, Is.False);
        Assert.That(synthesizer.Runs, Is.EqualTo(1));
    }

    [Test]
    public async Task Prompt_RecordingIsBroken_TheSynthesizedPromptPlays()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("en", "greeting.wav"), "RIFF but not really");
        var (prompts, _, _) = Create(new SpeechOptions { RecordedPromptsFolder = folder.Path });

        var greeting = await prompts.PromptAsync("greeting", "en", "Hello! You have reached Northern Telecom.", CancellationToken.None);

        Assert.That(prompts.Recorded.Problems.Single().Path, Does.EndWith("greeting.wav"));
        Assert.That(greeting.Source, Is.EqualTo(PromptSource.Synthesized));
        Assert.That(Signals.Rms(greeting.Samples.Span), Is.GreaterThan(500));
    }

    [Test]
    public async Task Speak_RussianAndEnglishPrompts_DifferAndComeBackIdenticalFromTheCache()
    {
        var (prompts, synthesizer, _) = Create(new SpeechOptions());

        var russian = await prompts.SpeakAsync("Главное меню. Баланс — нажмите один.", "ru", CancellationToken.None);
        var english = await prompts.SpeakAsync("Main menu. For Balance, press one.", "en", CancellationToken.None);
        var russianAgain = await prompts.SpeakAsync("Главное  меню.\nБаланс — нажмите один.", "ru", CancellationToken.None);

        Assert.That(synthesizer.Runs, Is.EqualTo(2), "the second Russian request differs only in whitespace: a cache hit");
        Assert.That(russianAgain.Samples.ToArray(), Is.EqualTo(russian.Samples.ToArray()));
        Assert.That(english.Samples.ToArray(), Is.Not.EqualTo(russian.Samples.ToArray()));
        foreach (var prompt in new[] { russian, english })
        {
            Assert.That(prompt.Duration, Is.InRange(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8)));
            Assert.That(Signals.Rms(prompt.Samples.Span), Is.GreaterThan(500));
        }
    }

    [Test]
    public async Task Speak_BlankText_IsEmptyWithoutRunningTheSynthesizer()
    {
        var (prompts, synthesizer, _) = Create(new SpeechOptions());

        var prompt = await prompts.SpeakAsync(" \n ", "ru", CancellationToken.None);

        Assert.That(prompt.IsEmpty, Is.True);
        Assert.That(synthesizer.Runs, Is.Zero);
    }

    [Test]
    public async Task Speak_TextOverTheLimit_IsCutByTheRuleAndLogged()
    {
        var options = new SpeechOptions { MaxTextLength = 45 };
        var (prompts, synthesizer, logger) = Create(options);
        const string Long = "Your balance is fine. Your tariff is Basic. Roaming is on. Internet is off.";

        var cut = await prompts.SpeakAsync(Long, "en", CancellationToken.None);
        var same = await prompts.SpeakAsync("Your balance is fine. Your tariff is Basic.", "en", CancellationToken.None);

        Assert.That(synthesizer.Runs, Is.EqualTo(1), "the long text was spoken as its first two sentences");
        Assert.That(same.Samples.ToArray(), Is.EqualTo(cut.Samples.ToArray()));
        Assert.That(logger.At(LogLevel.Warning).Single(), Does.Contain("cut to 43"));
    }

    [Test]
    public void Speak_LanguageWithoutAVoice_IsRefusedClearly()
    {
        var (prompts, _, _) = Create(new SpeechOptions());

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => prompts.SpeakAsync("Hallo", "de", CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("no voice is set for language 'de'"));
    }

    [Test]
    public void Create_InvalidOptions_ListsEveryProblem()
    {
        var options = new SpeechOptions { WordsPerMinute = 5, Voices = new() { ["ru"] = "--help" } };

        var error = Assert.Throws<ArgumentException>(() => VoicePrompts.Create(options, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance));

        Assert.That(error!.Message, Does.Contain("WordsPerMinute").And.Contain("'--help' is not an espeak-ng voice name"));
    }
}
