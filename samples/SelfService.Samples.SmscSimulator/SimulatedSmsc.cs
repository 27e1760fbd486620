using System.Collections.Concurrent;
using System.Globalization;
using SelfService.Smpp;

namespace SelfService.Samples.SmscSimulator;

/// <summary>
/// The SMSC side of the benchmark: lets any ESME bind, answers every submit_sm with a hex message id, and tells the
/// waiting customer (keyed by destination number) that its reply has arrived.
/// </summary>
internal sealed class SimulatedSmsc : ISmppServerHandler
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<SubmitSm>> _waiting = new();
    private long _nextId = 0x1A2B3C;
    private long _submits;

    public long Submits => Interlocked.Read(ref _submits);

    public ValueTask<CommandStatus> OnBindAsync(SmppServerSession session, BindRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(CommandStatus.Ok);

    public ValueTask<SubmitSmResp> OnSubmitAsync(SmppServerSession session, SubmitSm request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _submits);
        if (_waiting.TryRemove(request.DestinationAddr, out var waiter)) waiter.TrySetResult(request);
        var id = Interlocked.Increment(ref _nextId).ToString("X", CultureInfo.InvariantCulture);
        return ValueTask.FromResult(new SubmitSmResp { MessageId = id });
    }

    /// <summary>Registers a customer waiting for a reply; the task completes with the first submit_sm addressed to them.</summary>
    public Task<SubmitSm> ExpectReply(string msisdn)
    {
        var waiter = new TaskCompletionSource<SubmitSm>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[msisdn] = waiter;
        return waiter.Task;
    }

    public void Forget(string msisdn) => _waiting.TryRemove(msisdn, out _);
}
