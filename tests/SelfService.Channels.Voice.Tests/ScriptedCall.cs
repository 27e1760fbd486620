using System.Net;
using SelfService.Speech;

namespace SelfService.Channels.Voice.Tests;

/// <summary>
/// A caller who follows a script, for the menu's own logic: each time the menu waits for a key the next step answers (a
/// key, or null for silence until the timeout); a step marked as barge-in is pressed during the prompt instead. When the
/// script runs out the caller hangs up. What the menu played is kept.
/// </summary>
internal sealed class ScriptedCall(string dialled, string caller, string from, params ScriptedCall.Step[] steps) : IVoiceCall, IDisposable
{
    private readonly Queue<Step> _steps = new(steps);
    private readonly CancellationTokenSource _ended = new();

    public sealed record Step(char? Key, bool DuringPrompt = false);

    public static Step Press(char key) => new(key);

    public static Step PressDuringPrompt(char key) => new(key, DuringPrompt: true);

    public static Step Silence() => new(null);

    public string Id { get; } = "call-" + Guid.NewGuid().ToString("N")[..8];
    public string Dialled => dialled;
    public string Caller => caller;
    public IPAddress RemoteAddress { get; } = IPAddress.Parse(from);
    public CancellationToken Ended => _ended.Token;
    public double SendJitterMs => 0;
    public double SendMaxLatenessMs => 0;

    public List<VoicePrompt> Played { get; } = [];
    public List<string> TransferredTo { get; } = [];
    public bool TransferSucceeds { get; init; } = true;
    public bool HungUpByGateway { get; private set; }

    public Task<char?> PlayAsync(VoicePrompt prompt, bool interruptible, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Assert.That(prompt.IsEmpty, Is.False, "the menu plays nothing empty");
        Played.Add(prompt);
        if (interruptible && _steps.TryPeek(out var next) && next.DuringPrompt) return Task.FromResult(_steps.Dequeue().Key);
        return Task.FromResult<char?>(null);
    }

    public Task<char?> ReadKeyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_steps.TryDequeue(out var step)) return Task.FromResult(step.Key);
        _ended.Cancel();   // the caller has nothing more to say: they hang up
        throw new OperationCanceledException(_ended.Token);
    }

    public Task<bool> TransferAsync(string target, CancellationToken cancellationToken)
    {
        TransferredTo.Add(target);
        return Task.FromResult(TransferSucceeds);
    }

    public Task HangUpAsync(CancellationToken cancellationToken)
    {
        HungUpByGateway = true;
        return Task.CompletedTask;
    }

    public void Dispose() => _ended.Dispose();
}
