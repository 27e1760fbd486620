using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using SelfService.Speech.Audio;

namespace SelfService.Speech.Prompts;

/// <summary>
/// The operator's recorded prompts, {folder}/{language}/{key}.wav (samples/operator/prompts/ru/greeting.wav), read
/// and converted to 8 kHz mono once at start. A recording replaces the synthesized prompt with the same key; a file
/// that cannot be used is logged and listed in <see cref="Problems"/>, and the synthesized prompt plays instead.
/// </summary>
public sealed partial class RecordedPromptLibrary
{
    /// <summary>Far above any prompt (five minutes of 48 kHz stereo 16-bit is 55 MB): a larger file is a mistake.</summary>
    private const long MaxFileBytes = 64L * 1024 * 1024;

    private readonly Dictionary<(string Language, string Key), VoicePrompt> _prompts;

    private RecordedPromptLibrary(Dictionary<(string, string), VoicePrompt> prompts, IReadOnlyList<RecordedPromptProblem> problems)
    {
        _prompts = prompts;
        Problems = problems;
    }

    public static RecordedPromptLibrary Empty { get; } = new([], []);

    /// <summary>Files that are not used, with the reason; empty when every file loaded.</summary>
    public IReadOnlyList<RecordedPromptProblem> Problems { get; }

    public int Count => _prompts.Count;

    /// <summary>The (language, key) pairs that have a recording.</summary>
    public IEnumerable<(string Language, string Key)> Keys => _prompts.Keys;

    /// <summary>Reads every prompt under <paramref name="folder"/>; no folder configured means no recordings.</summary>
    public static RecordedPromptLibrary Load(string? folder, ILogger logger)
    {
        if (string.IsNullOrWhiteSpace(folder)) return Empty;
        var prompts = new Dictionary<(string, string), VoicePrompt>();
        var problems = new List<RecordedPromptProblem>();
        void Problem(string path, string reason)
        {
            Log.RecordedPromptInvalid(logger, path, reason);
            problems.Add(new RecordedPromptProblem(path, reason));
        }

        if (!Directory.Exists(folder))
        {
            Problem(folder, "the recorded prompts folder does not exist");
            return new RecordedPromptLibrary(prompts, problems);
        }

        foreach (var path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
            if (!IsHidden(path)) Problem(path, "a prompt goes in a language folder: {folder}/ru/{key}.wav or {folder}/en/{key}.wav");

        foreach (var languageFolder in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
        {
            var language = Path.GetFileName(languageFolder).ToLowerInvariant();
            if (IsHidden(languageFolder)) continue;
            if (!LanguageName().IsMatch(language))
            {
                Problem(languageFolder, $"'{Path.GetFileName(languageFolder)}' is not a language folder (ru, en...)");
                continue;
            }
            foreach (var path in Directory.EnumerateFileSystemEntries(languageFolder).Order(StringComparer.Ordinal))
            {
                if (IsHidden(path)) continue;
                if (!File.Exists(path) || !string.Equals(Path.GetExtension(path), ".wav", StringComparison.OrdinalIgnoreCase))
                {
                    Problem(path, "only .wav files are read here (16-bit PCM or G.711, any common rate, mono or stereo)");
                    continue;
                }
                var key = Path.GetFileNameWithoutExtension(path).ToLowerInvariant();
                if (!KeyName().IsMatch(key))
                {
                    Problem(path, "a prompt key is letters, digits, '.', '_' and '-' (greeting.wav, menu-main.wav)");
                    continue;
                }
                if (prompts.ContainsKey((language, key)))
                {
                    Problem(path, $"a second file for key '{key}' in '{language}' (keys ignore case)");
                    continue;
                }
                if (TryRead(path, out var prompt, out var reason)) prompts.Add((language, key), prompt);
                else Problem(path, reason);
            }
        }

        Log.RecordedPromptsLoaded(logger, folder, prompts.Count, problems.Count);
        return new RecordedPromptLibrary(prompts, problems);
    }

    public bool TryGet(string key, string language, [NotNullWhen(true)] out VoicePrompt? prompt) =>
        _prompts.TryGetValue((language.ToLowerInvariant(), key.ToLowerInvariant()), out prompt);

    private static bool TryRead(string path, [NotNullWhen(true)] out VoicePrompt? prompt, out string reason)
    {
        prompt = null;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxFileBytes)
            {
                reason = $"the file is {length / (1024 * 1024)} MB; a prompt should be well under {MaxFileBytes / (1024 * 1024)} MB";
                return false;
            }
            var samples = TelephoneAudio.FromWav(File.ReadAllBytes(path));
            if (samples.Length == 0)
            {
                reason = "the file holds no audio";
                return false;
            }
            prompt = new VoicePrompt(samples, PromptSource.Recorded);
            reason = "";
            return true;
        }
        catch (WavFormatException ex)
        {
            reason = "not a usable WAV file: " + ex.Message;
            return false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            reason = "cannot be read: " + ex.Message;
            return false;
        }
    }

    private static bool IsHidden(string path) => Path.GetFileName(path).StartsWith('.');

    [GeneratedRegex("^[a-z]{2,3}(-[a-z0-9]{2,8})?$")]
    private static partial Regex LanguageName();

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$")]
    private static partial Regex KeyName();
}
