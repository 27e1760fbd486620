namespace SelfService.Smpp;

/// <summary>The requests sent on one connection and not yet answered, keyed by sequence number (SMPP v3.4 section 2.6:
/// asynchronous, windowed operation).</summary>
/// <remarks>
/// At most <see cref="Capacity"/> windowed requests are outstanding; <see cref="WaitForSlotAsync"/> waits for a free slot.
/// Control requests (bind, enquire_link, unbind) are tracked without a slot so that a full window never delays them.
/// Each request has its own timeout, which removes it from the window, frees its slot and fails it with
/// <see cref="SmppResponseTimeoutException"/>; a response that arrives later finds nothing and is ignored.
/// </remarks>
public sealed class SequenceWindow : IDisposable
{
    private readonly Dictionary<uint, PendingRequest> _pending = [];
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _closed = new();
    private readonly TimeProvider _time;
    private string _closeReason = "";
    private TaskCompletionSource? _emptied;

    public SequenceWindow(int capacity, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentNullException.ThrowIfNull(time);
        Capacity = capacity;
        _time = time;
        _slots = new SemaphoreSlim(capacity, capacity);
    }

    public int Capacity { get; }

    /// <summary>Requests outstanding, windowed or not.</summary>
    public int Count
    {
        get { lock (_lock) return _pending.Count; }
    }

    /// <summary>Windowed requests outstanding.</summary>
    public int SlotsInUse => Capacity - _slots.CurrentCount;

    public bool IsClosed => _closed.IsCancellationRequested;

    /// <summary>Waits for a free slot; the caller then <see cref="Add"/>s a windowed request, or calls <see cref="ReleaseSlot"/>.</summary>
    /// <exception cref="SmppConnectionException">The window was closed (the connection is gone); nothing was sent.</exception>
    public async ValueTask WaitForSlotAsync(CancellationToken cancellationToken)
    {
        ThrowIfClosed();
        if (!_slots.Wait(0, CancellationToken.None))
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closed.Token);
            try
            {
                await _slots.WaitAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                ThrowIfClosed();
                throw;
            }
        }
        if (IsClosed)
        {
            _slots.Release();
            ThrowIfClosed();
        }
    }

    public void ReleaseSlot() => _slots.Release();

    /// <summary>Registers a request (its sequence number already set) and starts its timeout.</summary>
    /// <exception cref="SmppConnectionException">The window was closed; nothing was sent.</exception>
    public PendingRequest Add(Pdu request, TimeSpan timeout, bool usesSlot)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pending = new PendingRequest(request, usesSlot, timeout);
        lock (_lock)
        {
            if (IsClosed)
            {
                if (usesSlot) _slots.Release();
                ThrowIfClosed();
            }
            if (!_pending.TryAdd(request.SequenceNumber, pending))
            {
                if (usesSlot) _slots.Release();
                throw new InvalidOperationException($"Sequence number {request.SequenceNumber} is already outstanding");
            }
            pending.Timer = _time.CreateTimer(static state => ((Expiry)state!).Fire(), new Expiry(this, pending), timeout, Timeout.InfiniteTimeSpan);
        }
        return pending;
    }

    /// <summary>Hands a response to the request with its sequence number. False when nothing waits for it (late or unknown).</summary>
    public bool TryComplete(Pdu response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var pending = Remove(response.SequenceNumber, null);
        if (pending is null) return false;
        pending.Complete(response);
        return true;
    }

    /// <summary>Fails the request with this sequence number. False when nothing waits for it.</summary>
    public bool TryFail(uint sequenceNumber, Exception exception)
    {
        var pending = Remove(sequenceNumber, null);
        if (pending is null) return false;
        pending.Fail(exception);
        return true;
    }

    /// <summary>The outstanding request with this sequence number, if any.</summary>
    public PendingRequest? Find(uint sequenceNumber)
    {
        lock (_lock) return _pending.GetValueOrDefault(sequenceNumber);
    }

    /// <summary>Completes when no request is outstanding.</summary>
    public Task WhenEmptyAsync()
    {
        lock (_lock)
        {
            if (_pending.Count == 0) return Task.CompletedTask;
            _emptied ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _emptied.Task;
        }
    }

    /// <summary>Fails every outstanding request, and every later <see cref="WaitForSlotAsync"/> and <see cref="Add"/>, with a
    /// <see cref="SmppConnectionException"/> that says whether that request had been written to the socket.</summary>
    public void Close(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        PendingRequest[] failed;
        TaskCompletionSource? emptied;
        lock (_lock)
        {
            if (IsClosed) return;
            _closeReason = reason;
            _closed.Cancel();
            failed = [.. _pending.Values];
            _pending.Clear();
            emptied = _emptied;
            _emptied = null;
        }
        foreach (var pending in failed)
        {
            pending.Timer?.Dispose();
            if (pending.UsesSlot) _slots.Release();
            pending.Fail(new SmppConnectionException(reason, pending.WrittenToSocket));
        }
        emptied?.TrySetResult();
    }

    public void Dispose()
    {
        Close("The window was disposed");
        _closed.Dispose();
    }

    private PendingRequest? Remove(uint sequenceNumber, PendingRequest? only)
    {
        PendingRequest? pending;
        TaskCompletionSource? emptied = null;
        lock (_lock)
        {
            if (!_pending.TryGetValue(sequenceNumber, out pending) || (only is not null && !ReferenceEquals(pending, only))) return null;
            _pending.Remove(sequenceNumber);
            if (_pending.Count == 0 && _emptied is not null)
            {
                emptied = _emptied;
                _emptied = null;
            }
        }
        pending.Timer?.Dispose();
        if (pending.UsesSlot) _slots.Release();
        emptied?.TrySetResult();
        return pending;
    }

    private void ThrowIfClosed()
    {
        if (!IsClosed) return;
        throw new SmppConnectionException(_closeReason, writtenToSocket: false);
    }

    private sealed class Expiry(SequenceWindow window, PendingRequest pending)
    {
        public void Fire()
        {
            if (window.Remove(pending.SequenceNumber, pending) is null) return;
            pending.Fail(new SmppResponseTimeoutException(pending.Request.CommandId, pending.SequenceNumber, pending.Timeout, pending.WrittenToSocket));
        }
    }
}
