using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using SelfService.Speech.Audio;

namespace SelfService.Speech.Synthesis;

/// <summary>
/// Synthesizes each (voice settings, text) once: kept in memory (least recently used out first, within
/// Speech:MemoryCacheSeconds of audio) and, when Speech:CacheFolder is set, as {sha-256}.wav on disk across restarts.
/// Callers asking for a text that is being synthesized wait for that one run instead of starting their own.
/// </summary>
public sealed class SynthesizedPromptCache
{
    private readonly ISpeechSynthesizer _synthesizer;
    private readonly string? _folder;
    private readonly long _memoryBudgetSamples;
    private readonly ILogger<SynthesizedPromptCache> _logger;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<(string Key, VoicePrompt Prompt)>> _memory = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, VoicePrompt Prompt)> _recency = new();
    private readonly Dictionary<string, Task<VoicePrompt>> _inFlight = new(StringComparer.Ordinal);
    private long _memorySamples;

    public SynthesizedPromptCache(ISpeechSynthesizer synthesizer, SpeechOptions options, ILogger<SynthesizedPromptCache> logger)
    {
        _synthesizer = synthesizer;
        _folder = string.IsNullOrWhiteSpace(options.CacheFolder) ? null : options.CacheFolder;
        _memoryBudgetSamples = (long)options.MemoryCacheSeconds * VoicePrompt.SampleRate;
        _logger = logger;
    }

    /// <summary>The cache key and disk file name: SHA-256 over the voice settings and the prepared text.</summary>
    public static string KeyOf(string text, VoiceSettings voice)
    {
        var material = $"selfservice-speech/1\n{voice.Language}\n{voice.Voice}\n{voice.WordsPerMinute}\n{voice.Pitch}\n{text}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(material)));
    }

    /// <param name="text">Already prepared by <see cref="SpeechText.Prepare"/>.</param>
    /// <exception cref="SpeechSynthesisException">Synthesis failed; nothing is cached, so the next call tries again.</exception>
    public Task<VoicePrompt> GetAsync(string text, VoiceSettings voice, CancellationToken cancellationToken)
    {
        var key = KeyOf(text, voice);
        Task<VoicePrompt>? running;
        lock (_gate)
        {
            if (_memory.TryGetValue(key, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                SpeechMetrics.CacheLookups.Add(1, SpeechMetrics.CacheResult("memory"));
                return Task.FromResult(node.Value.Prompt);
            }
            if (_inFlight.TryGetValue(key, out running)) SpeechMetrics.CacheLookups.Add(1, SpeechMetrics.CacheResult("shared"));
            else
            {
                // Off this thread, so the lock is never held while it runs; it cannot finish before it is registered
                // here because it takes the same lock to finish.
                running = Task.Run(() => LoadAsync(key, text, voice));
                _inFlight.Add(key, running);
            }
        }
        // One caller hanging up stops its own wait, not the synthesis the others share (the time limit bounds that).
        return running.WaitAsync(cancellationToken);
    }

    private async Task<VoicePrompt> LoadAsync(string key, string text, VoiceSettings voice)
    {
        VoicePrompt? prompt = null;
        try
        {
            var path = _folder is null ? null : Path.Combine(_folder, key + ".wav");
            prompt = path is null ? null : await ReadCachedAsync(path);
            SpeechMetrics.CacheLookups.Add(1, SpeechMetrics.CacheResult(prompt is null ? "miss" : "disk"));
            if (prompt is null)
            {
                prompt = await _synthesizer.SynthesizeAsync(text, voice, CancellationToken.None);
                if (path is not null) await WriteCachedAsync(path, prompt);
            }
            return prompt;
        }
        finally
        {
            lock (_gate)
            {
                _inFlight.Remove(key);
                if (prompt is not null) Remember(key, prompt);
            }
        }
    }

    private void Remember(string key, VoicePrompt prompt)
    {
        if (prompt.Samples.Length > _memoryBudgetSamples || _memory.ContainsKey(key)) return;
        _memory.Add(key, _recency.AddFirst((key, prompt)));
        _memorySamples += prompt.Samples.Length;
        while (_memorySamples > _memoryBudgetSamples && _recency.Last is { } oldest)
        {
            _recency.RemoveLast();
            _memory.Remove(oldest.Value.Key);
            _memorySamples -= oldest.Value.Prompt.Samples.Length;
        }
    }

    private async Task<VoicePrompt?> ReadCachedAsync(string path)
    {
        try
        {
            if (!File.Exists(path)) return null;
            var bytes = await File.ReadAllBytesAsync(path);
            return new VoicePrompt(TelephoneAudio.FromWav(bytes), PromptSource.Synthesized);
        }
        catch (Exception ex) when (ex is WavFormatException or IOException or UnauthorizedAccessException)
        {
            Log.CacheFileUnreadable(_logger, path, ex.Message);
            return null;
        }
    }

    private async Task WriteCachedAsync(string path, VoicePrompt prompt)
    {
        // Written aside and moved into place, so a reader (another instance sharing the folder) never sees half a file.
        var scratch = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var file = WavWriter.Write(prompt.Samples.Span, VoicePrompt.SampleRate);
            await File.WriteAllBytesAsync(scratch, file);
            File.Move(scratch, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.CacheFileNotWritten(_logger, ex, path);
            try
            {
                File.Delete(scratch);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // Nothing more to do: the scratch file is named so that no reader ever takes it for a prompt.
            }
        }
    }
}
