using System.Diagnostics;
using System.Threading.Channels;
using LiteDB;
using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;

namespace SelfService.Storage.LiteDb;

/// <summary>
/// The one thread that writes to the database. Callers queue a write and await its own commit; the writer takes
/// everything queued since its last commit and applies it in one LiteDB transaction, so under load batches form by
/// themselves and the cost of a commit is shared by every write in it (RocksDB's write thread, PostgreSQL's
/// commit_delay). One writer also keeps LiteDB 5 safe: concurrent writes from several threads corrupted its indexes.
/// A write that throws fails alone: the batch is rolled back and its writes are replayed one transaction each. So a write
/// may run twice, and must change nothing but the database; and it must never catch LiteDB's exceptions, because LiteDB
/// rolls the whole transaction back when one operation fails (check first instead, as the dedup does).
/// </summary>
internal sealed partial class GroupCommitWriter : IDisposable
{
    private readonly ILiteDatabase _database;
    private readonly ReopenableEngine _engine;
    private bool _engineBroken;
    private readonly Channel<WriteRequest> _queue;

    // Writes that record what a peer has already answered (an SMSC's submit_sm_resp): they skip the queue and go in the
    // next commit, because until they are stored a crash would send that message again.
    private readonly Channel<WriteRequest> _urgent = Channel.CreateUnbounded<WriteRequest>(new UnboundedChannelOptions { SingleReader = true });
    private readonly int _maxBatch;
    private readonly SafeFileHandle? _fsyncHandle;
    private readonly ILogger _logger;
    private readonly Thread _thread;

    public GroupCommitWriter(ILiteDatabase database, ReopenableEngine engine, string? file, LiteDbStorageOptions options, ILogger logger)
    {
        _database = database;
        _engine = engine;
        _maxBatch = Math.Max(1, options.MaxBatch);
        _logger = logger;
        _queue = Channel.CreateBounded<WriteRequest>(new BoundedChannelOptions(Math.Max(1, options.QueueCapacity))
        {
            SingleReader = true, FullMode = BoundedChannelFullMode.Wait,
        });
        // A handle of our own on the file, for fsync: LiteDB writes its pages with plain writes and never flushes them.
        if (options.Durability == Durability.Fsync && file is not null)
            _fsyncHandle = File.OpenHandle(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        _thread = new Thread(Run) { IsBackground = true, Name = "store writer" };
        _thread.Start();
    }

    /// <summary>Group commits so far, and the writes they held: their ratio is the batching the load produced.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    public long Writes => Interlocked.Read(ref _writes);

    private long _commits;
    private long _writes;
    private StorageHealth _health = new(true, null, null);

    /// <summary>Whether the last commit worked: a batch that failed and whose writes all failed alone says the store is failing.</summary>
    public StorageHealth Health => Volatile.Read(ref _health);

    /// <summary>Runs <paramref name="write"/> on the writer thread inside the next group commit; completes once that commit is durable.</summary>
    public Task<T> WriteAsync<T>(Func<ILiteDatabase, T> write, CancellationToken cancellationToken = default)
    {
        var request = new WriteRequest<T>(write);
        if (_queue.Writer.TryWrite(request)) return request.Completion;
        return QueueSlowlyAsync(request, cancellationToken);
    }

    public Task WriteAsync(Action<ILiteDatabase> write, CancellationToken cancellationToken = default) =>
        WriteAsync(db => { write(db); return true; }, cancellationToken);

    /// <summary>
    /// As <see cref="WriteAsync(Action{ILiteDatabase}, CancellationToken)"/>, ahead of everything queued: for the few writes
    /// that record what a peer already did, whose delay is the window in which a crash repeats it.
    /// </summary>
    public Task WriteUrgentlyAsync(Action<ILiteDatabase> write)
    {
        var request = new WriteRequest<bool>(db => { write(db); return true; });
        if (!_urgent.Writer.TryWrite(request)) request.Fail(new ObjectDisposedException(nameof(GroupCommitWriter)));
        return request.Completion;
    }

    private async Task<T> QueueSlowlyAsync<T>(WriteRequest<T> request, CancellationToken cancellationToken)
    {
        await _queue.Writer.WriteAsync(request, cancellationToken).ConfigureAwait(false);
        return await request.Completion.ConfigureAwait(false);
    }

    public void Dispose()
    {
        _urgent.Writer.TryComplete();
        _queue.Writer.TryComplete();
        _thread.Join();
        _fsyncHandle?.Dispose();
    }

    private void Run()
    {
        var batch = new List<WriteRequest>(_maxBatch);
        // A dedicated thread: LiteDB binds a transaction to its thread, so the batch must begin and commit on this one.
        while (WaitForWrites())
        {
            while (_urgent.Reader.TryRead(out var urgent)) batch.Add(urgent);
            while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var request)) batch.Add(request);
            if (batch.Count == 0) continue;
            Commit(batch);
            batch.Clear();
        }
    }

    /// <summary>Blocks until either queue has a write; false once both are completed and empty.</summary>
    private bool WaitForWrites()
    {
        if (_urgent.Reader.TryPeek(out _) || _queue.Reader.TryPeek(out _)) return true;
        var urgent = _urgent.Reader.WaitToReadAsync().AsTask();
        var normal = _queue.Reader.WaitToReadAsync().AsTask();
        Task.WhenAny(urgent, normal).GetAwaiter().GetResult();
        if (urgent.IsCompleted && urgent.Result) return true;
        if (normal.IsCompleted && normal.Result) return true;
        // One side is completed (the writer is being disposed): drain what the other still holds.
        return urgent.GetAwaiter().GetResult() | normal.GetAwaiter().GetResult();
    }

    private void Commit(List<WriteRequest> batch)
    {
        if (_engineBroken && !TryReopen(batch)) return;
        var started = Stopwatch.GetTimestamp();
        var applying = false;
        try
        {
            _database.BeginTrans();
            applying = true;
            foreach (var request in batch) request.Apply(_database);
            applying = false;
            _database.Commit();
            if (_fsyncHandle is not null) RandomAccess.FlushToDisk(_fsyncHandle);
        }
        catch (Exception ex) when (!applying || IsDiskError(ex))
        {
            // The disk failed (full, read-only...): LiteDB's engine is unusable from here on. Nothing of the batch is
            // acknowledged, so senders deliver again; the next batch opens a new engine first.
            _engineBroken = true;
            Failing(ex);
            LogDiskFailed(ex);
            foreach (var request in batch) request.Fail(ex);
            return;
        }
        catch (Exception ex)
        {
            try
            {
                _database.Rollback();
            }
            catch (Exception rollback)
            {
                LogRollbackFailed(rollback);
            }
            if (batch.Count == 1)
            {
                Failing(ex);
                batch[0].Fail(ex);
                return;
            }
            // Find the write that failed: each alone, so the others still commit.
            foreach (var request in batch) Commit([request]);
            return;
        }
        Interlocked.Increment(ref _commits);
        Interlocked.Add(ref _writes, batch.Count);
        Volatile.Write(ref _health, new StorageHealth(true, DateTimeOffset.UtcNow, null));
        StorageMetrics.CommitDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        StorageMetrics.BatchSize.Record(batch.Count);
        foreach (var request in batch) request.Complete();
    }

    /// <summary>A new engine on the file, after a disk error; while that fails too, the batch fails with its reason.</summary>
    private bool TryReopen(List<WriteRequest> batch)
    {
        try
        {
            _engine.Reopen();
            _engineBroken = false;
            LogReopened();
            return true;
        }
        catch (Exception ex)
        {
            Failing(ex);
            foreach (var request in batch) request.Fail(ex);
            return false;
        }
    }

    private void Failing(Exception ex) =>
        Volatile.Write(ref _health, _health with { Healthy = false, LastError = ex.GetType().Name + ": " + ex.Message });

    private static bool IsDiskError(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
            if (e is IOException or UnauthorizedAccessException) return true;
        return false;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The store's disk failed; nothing of this commit was acknowledged, and the store is opened again for the next one")]
    private partial void LogDiskFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The store was opened again after a disk error and takes writes again")]
    private partial void LogReopened();

    [LoggerMessage(Level = LogLevel.Error, Message = "Rolling back a failed group commit failed")]
    private partial void LogRollbackFailed(Exception exception);

    private abstract class WriteRequest
    {
        public abstract void Apply(ILiteDatabase database);

        public abstract void Complete();

        public abstract void Fail(Exception exception);
    }

    private sealed class WriteRequest<T>(Func<ILiteDatabase, T> write) : WriteRequest
    {
        // Continuations run elsewhere: the writer thread only writes.
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T _result = default!;

        public Task<T> Completion => _completion.Task;

        public override void Apply(ILiteDatabase database) => _result = write(database);

        public override void Complete() => _completion.TrySetResult(_result);

        public override void Fail(Exception exception) => _completion.TrySetException(exception);
    }
}
