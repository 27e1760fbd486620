using System.Threading.Channels;

namespace SelfService.Sip.Tests.Support;

/// <summary>Hands each incoming call to the test, then runs the test's script for it until the call ends.</summary>
internal sealed class TestCallHandler(Func<SipCall, CancellationToken, Task>? script = null) : ISipCallHandler
{
    private readonly Channel<SipCall> calls = Channel.CreateUnbounded<SipCall>();
    private int count;

    public int Count => Volatile.Read(ref count);

    public async Task HandleCallAsync(SipCall call, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref count);
        calls.Writer.TryWrite(call);
        if (script is not null) await script(call, cancellationToken);
        else await Task.Delay(Timeout.Infinite, cancellationToken);
    }

    public async Task<SipCall> NextCallAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await calls.Reader.ReadAsync(timeout.Token);
    }
}
