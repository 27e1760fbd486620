using Microsoft.Extensions.Logging;
using SelfService.Speech.Audio;
using SelfService.Speech.Synthesis;

namespace SelfService.Speech.Tests.Synthesis;

/// <summary>The cache over the real espeak-ng, counting how often it runs.</summary>
public sealed class SynthesizedPromptCacheTests
{
    private static readonly SpeechOptions Options = new();

    private static (SynthesizedPromptCache Cache, CountingSynthesizer Synthesizer, CapturedLogger<SynthesizedPromptCache> Logger) NewCache(
        SpeechOptions? options = null)
    {
        options ??= Options;
        var synthesizer = new CountingSynthesizer(new EspeakNgSynthesizer(options, new CapturedLogger<EspeakNgSynthesizer>()));
        var logger = new CapturedLogger<SynthesizedPromptCache>();
        return (new SynthesizedPromptCache(synthesizer, options, logger), synthesizer, logger);
    }

    [Test]
    public async Task Get_SameTextTwice_SynthesizesOnceAndReturnsTheSameSamples()
    {
        var (cache, synthesizer, _) = NewCache();

        var first = await cache.GetAsync("Добро пожаловать.", Options.VoiceFor("ru"), CancellationToken.None);
        var second = await cache.GetAsync("Добро пожаловать.", Options.VoiceFor("ru"), CancellationToken.None);

        Assert.That(synthesizer.Runs, Is.EqualTo(1));
        Assert.That(second.Samples.ToArray(), Is.EqualTo(first.Samples.ToArray()));
        Assert.That(first.IsEmpty, Is.False);
    }

    [Test]
    public async Task Get_OtherTextOrOtherLanguage_IsAnotherPrompt()
    {
        var (cache, synthesizer, _) = NewCache();

        await cache.GetAsync("Menu", Options.VoiceFor("en"), CancellationToken.None);
        await cache.GetAsync("Menu", Options.VoiceFor("ru"), CancellationToken.None);
        await cache.GetAsync("Main menu", Options.VoiceFor("en"), CancellationToken.None);

        Assert.That(synthesizer.Runs, Is.EqualTo(3));
    }

    [Test]
    public async Task Get_ManyCallersAtOnce_ShareOneRun()
    {
        var (cache, synthesizer, _) = NewCache();
        synthesizer.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Eight callers ask while the first run is held open: without sharing, each would start espeak-ng.
        var callers = Enumerable.Range(0, 8).Select(_ => cache.GetAsync("Please hold.", Options.VoiceFor("en"), CancellationToken.None)).ToList();
        await synthesizer.FirstRunStarted.Task;
        synthesizer.Gate.SetResult();
        var prompts = await Task.WhenAll(callers);

        Assert.That(synthesizer.Runs, Is.EqualTo(1));
        Assert.That(prompts.Select(prompt => prompt.Samples.ToArray()), Is.All.EqualTo(prompts[0].Samples.ToArray()));
    }

    [Test]
    public async Task Get_OneCallerHangsUp_TheOthersStillGetThePrompt()
    {
        var (cache, synthesizer, _) = NewCache();
        synthesizer.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var hangUp = new CancellationTokenSource();

        var leaving = cache.GetAsync("Thank you for calling.", Options.VoiceFor("en"), hangUp.Token);
        var staying = cache.GetAsync("Thank you for calling.", Options.VoiceFor("en"), CancellationToken.None);
        await synthesizer.FirstRunStarted.Task;
        await hangUp.CancelAsync();
        synthesizer.Gate.SetResult();

        Assert.That(async () => await leaving, Throws.InstanceOf<OperationCanceledException>());
        Assert.That((await staying).IsEmpty, Is.False);
        Assert.That(synthesizer.Runs, Is.EqualTo(1));
    }

    [Test]
    public async Task Get_WithCacheFolder_ANewInstanceReadsTheFileInsteadOfSynthesizing()
    {
        using var folder = new TemporaryFolder();
        var options = new SpeechOptions { CacheFolder = folder.Path };
        var (first, firstSynthesizer, _) = NewCache(options);
        var (second, secondSynthesizer, _) = NewCache(options);

        var spoken = await first.GetAsync("Ваш звонок важен для нас.", options.VoiceFor("ru"), CancellationToken.None);
        var read = await second.GetAsync("Ваш звонок важен для нас.", options.VoiceFor("ru"), CancellationToken.None);

        Assert.That(firstSynthesizer.Runs, Is.EqualTo(1));
        Assert.That(secondSynthesizer.Runs, Is.EqualTo(0));
        Assert.That(read.Samples.ToArray(), Is.EqualTo(spoken.Samples.ToArray()));
        var file = Path.Combine(folder.Path, SynthesizedPromptCache.KeyOf("Ваш звонок важен для нас.", options.VoiceFor("ru")) + ".wav");
        Assert.That(WavReader.Read(File.ReadAllBytes(file)).SampleRate, Is.EqualTo(8000));
    }

    [Test]
    public async Task Get_CacheFileDamaged_IsSynthesizedAgainAndRewritten()
    {
        using var folder = new TemporaryFolder();
        var options = new SpeechOptions { CacheFolder = folder.Path };
        var voice = options.VoiceFor("en");
        var file = Path.Combine(folder.Path, SynthesizedPromptCache.KeyOf("Goodbye.", voice) + ".wav");
        await File.WriteAllTextAsync(file, "not audio");
        var (cache, synthesizer, logger) = NewCache(options);

        var prompt = await cache.GetAsync("Goodbye.", voice, CancellationToken.None);

        Assert.That(synthesizer.Runs, Is.EqualTo(1));
        Assert.That(prompt.IsEmpty, Is.False);
        Assert.That(logger.At(LogLevel.Warning).Single(), Does.Contain("unreadable"));
        Assert.That(WavReader.Read(await File.ReadAllBytesAsync(file)).Samples, Is.EqualTo(prompt.Samples.ToArray()));
    }

    [Test]
    public async Task Get_SynthesisFails_NothingIsCachedAndTheNextCallTriesAgain()
    {
        var (cache, synthesizer, _) = NewCache(new SpeechOptions { EspeakPath = "/nonexistent/espeak-ng" });

        await Assert.ThrowsAsync<SpeechSynthesisException>(() => cache.GetAsync("Hello", Options.VoiceFor("en"), CancellationToken.None));
        await Assert.ThrowsAsync<SpeechSynthesisException>(() => cache.GetAsync("Hello", Options.VoiceFor("en"), CancellationToken.None));

        Assert.That(synthesizer.Runs, Is.EqualTo(2));
    }

    [Test]
    public async Task Get_MemoryBudgetTooSmall_DoesNotKeepThePrompt()
    {
        var (cache, synthesizer, _) = NewCache(new SpeechOptions { MemoryCacheSeconds = 0 });

        await cache.GetAsync("One moment.", Options.VoiceFor("en"), CancellationToken.None);
        await cache.GetAsync("One moment.", Options.VoiceFor("en"), CancellationToken.None);

        Assert.That(synthesizer.Runs, Is.EqualTo(2));
    }
}
