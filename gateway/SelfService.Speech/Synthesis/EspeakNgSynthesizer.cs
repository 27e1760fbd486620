using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using SelfService.Speech.Audio;

namespace SelfService.Speech.Synthesis;

/// <summary>
/// Runs Debian's espeak-ng once per text: the arguments go as a list (no shell), the text on stdin (so a text that
/// starts with '-' is never an option), the WAV comes back on stdout and is resampled to 8 kHz.
/// </summary>
public sealed class EspeakNgSynthesizer(SpeechOptions options, ILogger<EspeakNgSynthesizer> logger) : ISpeechSynthesizer
{
    /// <summary>Far above any prompt (MaxTextLength of speech is a few MB); a runaway writer is stopped here.</summary>
    private const int MaxOutputBytes = 64 * 1024 * 1024;

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public async Task<VoicePrompt> SynthesizeAsync(string text, VoiceSettings voice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(voice);
        if (string.IsNullOrWhiteSpace(text)) return VoicePrompt.Empty;

        var started = Stopwatch.GetTimestamp();
        try
        {
            var prompt = await RunAsync(text, voice, cancellationToken);
            Measure(voice, started, failure: null);
            return prompt;
        }
        catch (SpeechSynthesisException ex)
        {
            Measure(voice, started, ex.Failure);
            throw;
        }
    }

    /// <summary>Finished and failed runs are counted; a caller who hung up is no outcome of espeak-ng's.</summary>
    private static void Measure(VoiceSettings voice, long started, SpeechFailure? failure)
    {
        TagList tags = new() { { "speech.language", voice.Language }, { "speech.outcome", SpeechMetrics.OutcomeOf(failure) } };
        SpeechMetrics.Syntheses.Add(1, tags);
        SpeechMetrics.SynthesisDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
    }

    private async Task<VoicePrompt> RunAsync(string text, VoiceSettings voice, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(options.EspeakPath)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = Utf8,
            StandardErrorEncoding = Utf8,
        };
        foreach (var argument in new[]
                 {
                     "-v", voice.Voice, "-s", voice.WordsPerMinute.ToString(CultureInfo.InvariantCulture),
                     "-p", voice.Pitch.ToString(CultureInfo.InvariantCulture), "-b", "1", "--stdin", "--stdout",
                 })
            startInfo.ArgumentList.Add(argument);

        Process process;
        try
        {
            process = Process.Start(startInfo) ?? throw new Win32Exception("the process did not start");
        }
        catch (Win32Exception ex)
        {
            throw Fail(SpeechFailure.SynthesizerMissing, voice,
                $"cannot run '{options.EspeakPath}' ({ex.Message}); install the Debian package espeak-ng or set Speech:EspeakPath", ex);
        }

        using (process)
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(options.SynthesisTimeout);
            byte[] output;
            string errors;
            try
            {
                var reading = ReadAllAsync(process.StandardOutput.BaseStream, limit.Token);
                var readingErrors = process.StandardError.ReadToEndAsync(limit.Token);
                await WriteTextAsync(process, text, limit.Token);
                await process.WaitForExitAsync(limit.Token);
                output = await reading;
                errors = await readingErrors;
            }
            catch (OperationCanceledException ex)
            {
                await KillAsync(process);
                cancellationToken.ThrowIfCancellationRequested();
                throw Fail(SpeechFailure.TimedOut, voice, $"espeak-ng did not finish within {options.SynthesisTimeout.TotalSeconds:0.#} s and was killed", ex);
            }
            catch (InvalidDataException ex)
            {
                await KillAsync(process);
                throw Fail(SpeechFailure.InvalidOutput, voice, ex.Message, ex);
            }

            if (process.ExitCode != 0)
                throw Fail(SpeechFailure.SynthesizerFailed, voice, $"espeak-ng (voice {voice.Voice}) exited with {process.ExitCode}: {FirstLine(errors)}");
            // espeak-ng writes nothing at all, not even a header, when the text has nothing to say (only punctuation).
            if (output.Length == 0) return VoicePrompt.Empty;
            try
            {
                return new VoicePrompt(TelephoneAudio.FromWav(output), PromptSource.Synthesized);
            }
            catch (WavFormatException ex)
            {
                throw Fail(SpeechFailure.InvalidOutput, voice, $"espeak-ng wrote {output.Length} bytes that are not a usable WAV: {ex.Message}", ex);
            }
        }
    }

    private static async Task WriteTextAsync(Process process, string text, CancellationToken cancellationToken)
    {
        try
        {
            await process.StandardInput.WriteAsync(text.AsMemory(), cancellationToken);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // It exited before reading the text (a bad voice, say): its exit code and error output tell why.
        }
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxOutputBytes) throw new InvalidDataException($"espeak-ng wrote more than {MaxOutputBytes} bytes of audio");
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static async Task KillAsync(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited on its own in the meantime.
        }
        // Reaped before we return, so no zombie outlives the call; a killed process exits at once.
        await process.WaitForExitAsync(CancellationToken.None);
    }

    private SpeechSynthesisException Fail(SpeechFailure failure, VoiceSettings voice, string reason, Exception? inner = null)
    {
        Log.SynthesisFailed(logger, failure, voice.Language, reason);
        return new SpeechSynthesisException(failure, reason, inner);
    }

    private static string FirstLine(string errors)
    {
        var line = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return string.IsNullOrEmpty(line) ? "(no error output)" : line.Length > 300 ? line[..300] : line;
    }
}
