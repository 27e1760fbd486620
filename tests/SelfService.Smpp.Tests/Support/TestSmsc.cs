using System.Collections.Concurrent;

namespace SelfService.Smpp.Tests.Support;

/// <summary>A scriptable SMSC for the client tests: binds, submits and what it saw.</summary>
internal sealed class TestSmsc : ISmppServerHandler
{
    private int _messageId;
    private int _inFlight;
    private int _maxInFlight;

    public ConcurrentQueue<BindRequest> Binds { get; } = new();
    public ConcurrentQueue<SubmitSm> Submits { get; } = new();
    public ConcurrentQueue<SubmitSm> Accepted { get; } = new();
    public int EnquireLinks;
    public int Unbinds;

    /// <summary>The status of the n-th bind (from 1); Ok by default.</summary>
    public Func<int, BindRequest, CommandStatus> BindStatus { get; set; } = (_, _) => CommandStatus.Ok;

    /// <summary>The status of the n-th submit (from 1); Ok by default.</summary>
    public Func<int, SubmitSm, CommandStatus> SubmitStatus { get; set; } = (_, _) => CommandStatus.Ok;

    /// <summary>When set, every submit waits for it before it is answered.</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>Submits answered concurrently at most: what the ESME's window allowed.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public int InFlight => Volatile.Read(ref _inFlight);

    public ValueTask<CommandStatus> OnBindAsync(SmppServerSession session, BindRequest request, CancellationToken cancellationToken)
    {
        Binds.Enqueue(request);
        return ValueTask.FromResult(BindStatus(Binds.Count, request));
    }

    public async ValueTask<SubmitSmResp> OnSubmitAsync(SmppServerSession session, SubmitSm request, CancellationToken cancellationToken)
    {
        int inFlight = Interlocked.Increment(ref _inFlight);
        int max;
        while (inFlight > (max = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, inFlight, max) != max) { }
        try
        {
            Submits.Enqueue(request);
            int n = Submits.Count;
            if (Gate is { } gate) await gate.Task.WaitAsync(cancellationToken);
            var status = SubmitStatus(n, request);
            if (status != CommandStatus.Ok) return new SubmitSmResp { CommandStatus = status };
            Accepted.Enqueue(request);
            return new SubmitSmResp { MessageId = Interlocked.Increment(ref _messageId).ToString("X", System.Globalization.CultureInfo.InvariantCulture) };
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    public void OnEnquireLink(SmppServerSession session) => Interlocked.Increment(ref EnquireLinks);

    public void OnUnbind(SmppServerSession session) => Interlocked.Increment(ref Unbinds);
}
