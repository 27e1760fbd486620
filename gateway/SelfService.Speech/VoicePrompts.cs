using Microsoft.Extensions.Logging;
using SelfService.Speech.Prompts;
using SelfService.Speech.Synthesis;

namespace SelfService.Speech;

/// <summary>
/// What the voice channel asks for audio: a keyed prompt (the operator's recording when there is one, else the text
/// synthesized) or any text (synthesized, cached). Always 8 kHz mono 16-bit.
/// </summary>
public sealed class VoicePrompts
{
    private readonly SpeechOptions _options;
    private readonly SynthesizedPromptCache _cache;
    private readonly ILogger<VoicePrompts> _logger;

    public VoicePrompts(SpeechOptions options, RecordedPromptLibrary recorded, SynthesizedPromptCache cache, ILogger<VoicePrompts> logger)
    {
        _options = options;
        Recorded = recorded;
        _cache = cache;
        _logger = logger;
    }

    public RecordedPromptLibrary Recorded { get; }

    /// <summary>Validates the options, loads the recorded prompts and speaks with espeak-ng.</summary>
    /// <exception cref="ArgumentException">The options are not usable; the message lists every problem.</exception>
    public static VoicePrompts Create(SpeechOptions options, ILoggerFactory loggerFactory)
    {
        var problems = options.Validate();
        if (problems.Count > 0) throw new ArgumentException("Speech settings: " + string.Join("; ", problems), nameof(options));
        var recorded = RecordedPromptLibrary.Load(options.RecordedPromptsFolder, loggerFactory.CreateLogger<RecordedPromptLibrary>());
        var synthesizer = new EspeakNgSynthesizer(options, loggerFactory.CreateLogger<EspeakNgSynthesizer>());
        var cache = new SynthesizedPromptCache(synthesizer, options, loggerFactory.CreateLogger<SynthesizedPromptCache>());
        return new VoicePrompts(options, recorded, cache, loggerFactory.CreateLogger<VoicePrompts>());
    }

    /// <summary>The prompt <paramref name="key"/>: recorded when {RecordedPromptsFolder}/{language}/{key}.wav loaded, else <paramref name="text"/> spoken.</summary>
    /// <exception cref="SpeechSynthesisException">No recording, and synthesis failed.</exception>
    public Task<VoicePrompt> PromptAsync(string key, string language, string text, CancellationToken cancellationToken) =>
        Recorded.TryGet(key, language, out var prompt) ? Task.FromResult(prompt) : SpeakAsync(text, language, cancellationToken);

    /// <summary>
    /// <paramref name="text"/> spoken in <paramref name="language"/> (see <see cref="Text.SpokenText"/> for numbers and
    /// money). Blank text is <see cref="VoicePrompt.Empty"/>; text over Speech:MaxTextLength is cut (<see cref="SpeechText.Prepare"/>).
    /// </summary>
    /// <exception cref="SpeechSynthesisException">espeak-ng is missing, failed, or hung and was killed.</exception>
    /// <exception cref="ArgumentOutOfRangeException">No voice is set for <paramref name="language"/>.</exception>
    public Task<VoicePrompt> SpeakAsync(string text, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var voice = _options.VoiceFor(language);
        var prepared = SpeechText.Prepare(text, _options.MaxTextLength, out var truncated);
        if (truncated) Log.TextTruncated(_logger, text.Length, prepared.Length, _options.MaxTextLength);
        return prepared.Length == 0 ? Task.FromResult(VoicePrompt.Empty) : _cache.GetAsync(prepared, voice, cancellationToken);
    }
}
