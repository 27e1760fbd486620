using SelfService.Speech.Synthesis;

namespace SelfService.Speech.Tests.Synthesis;

/// <summary>The real synthesizer, with a count of how often it was asked and an optional gate that holds each run.</summary>
internal sealed class CountingSynthesizer(ISpeechSynthesizer inner) : ISpeechSynthesizer
{
    private int _runs;

    public int Runs => Volatile.Read(ref _runs);

    /// <summary>When set, a run waits for it before speaking (so a test can pile up callers behind one run).</summary>
    public TaskCompletionSource? Gate { get; set; }

    public TaskCompletionSource FirstRunStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<VoicePrompt> SynthesizeAsync(string text, VoiceSettings voice, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _runs);
        FirstRunStarted.TrySetResult();
        if (Gate is { } gate) await gate.Task.WaitAsync(cancellationToken);
        return await inner.SynthesizeAsync(text, voice, cancellationToken);
    }
}
