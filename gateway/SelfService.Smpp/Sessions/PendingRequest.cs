namespace SelfService.Smpp;

/// <summary>A request in a <see cref="SequenceWindow"/>, waiting for its response.</summary>
public sealed class PendingRequest
{
    private readonly TaskCompletionSource<Pdu> _response = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _written;

    internal PendingRequest(Pdu request, bool usesSlot, TimeSpan timeout)
    {
        Request = request;
        UsesSlot = usesSlot;
        Timeout = timeout;
    }

    public Pdu Request { get; }

    public uint SequenceNumber => Request.SequenceNumber;

    /// <summary>The response (or generic_nack). Fails with <see cref="SmppResponseTimeoutException"/>,
    /// <see cref="SmppConnectionException"/> or <see cref="SmppProtocolException"/>.</summary>
    public Task<Pdu> Response => _response.Task;

    /// <summary>True once the request has been handed to the socket.</summary>
    public bool WrittenToSocket => Volatile.Read(ref _written) != 0;

    internal bool UsesSlot { get; }

    internal TimeSpan Timeout { get; }

    internal ITimer? Timer { get; set; }

    // A full fence: the connection checks its closed flag right after, and Close reads this flag right after setting that one.
    internal void MarkWritten() => Interlocked.Exchange(ref _written, 1);

    internal void Complete(Pdu response) => _response.TrySetResult(response);

    internal void Fail(Exception exception) => _response.TrySetException(exception);
}
