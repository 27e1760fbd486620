using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace SelfService.Storage.PostgreSql;

/// <summary>
/// Connections from Npgsql's pool, and the two ways the stores use them: a read (one or more statements, no transaction of
/// its own) and a write (a transaction that commits once, or not at all). A write whose connection or server fails
/// throws, as the LiteDB engine's does when its disk fails, so nothing it carried is acknowledged (an SMSC redelivers);
/// <see cref="Health"/> then says why until a write works again. A write that lost a deadlock or a serialization check
/// is run again from the start, so the work given to it must only touch the database (and may run more than once).
/// </summary>
internal sealed partial class PgDatabase(NpgsqlDataSource source, TimeProvider clock, ILogger logger) : IAsyncDisposable
{
    private const int Attempts = 5;

    private StorageHealth _health = new(true, null, null);

    public StorageHealth Health => Volatile.Read(ref _health);

    public NpgsqlDataSource Source => source;

    // Whether the health is failing because a read could not reach the server (rather than because a write failed).
    private volatile bool _failedOnRead;

    /// <summary>
    /// A read. One that cannot reach the server makes <see cref="Health"/> say so, so an idle gateway whose database is gone
    /// shows it at once; a read that works again clears only that, not a write's failure (a full disk still reads).
    /// </summary>
    public async Task<T> ReadAsync<T>(Func<NpgsqlConnection, Task<T>> read, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await source.OpenConnectionAsync(cancellationToken);
            var result = await read(connection);
            if (_failedOnRead) Recovered();
            return result;
        }
        catch (NpgsqlException ex) when (IsUnreachable(ex))
        {
            _failedOnRead = true;
            Failing(ex);
            throw;
        }
    }

    private void Recovered()
    {
        _failedOnRead = false;
        Volatile.Write(ref _health, Health with { Healthy = true, LastError = null });
    }

    private void Failing(Exception ex) =>
        Volatile.Write(ref _health, Health with { Healthy = false, LastError = ex.GetType().Name + ": " + ex.Message });

    /// <summary>No connection, or the one there was is gone (a server shutting down or restarting).</summary>
    private static bool IsUnreachable(NpgsqlException exception) => exception is not PostgresException postgres
        || postgres.SqlState.StartsWith("08", StringComparison.Ordinal) || postgres.SqlState.StartsWith("57", StringComparison.Ordinal);

    public async Task<T> WriteAsync<T>(Func<NpgsqlConnection, Task<T>> write, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await using var connection = await OpenAsync(cancellationToken);
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                var result = await write(connection);
                await transaction.CommitAsync(cancellationToken);
                _failedOnRead = false;
                Volatile.Write(ref _health, new StorageHealth(true, clock.GetUtcNow(), null));
                StorageMetrics.CommitDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
                StorageMetrics.BatchSize.Record(1);
                return result;
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure && attempt < Attempts)
            {
                LogRetried(ex.SqlState, attempt);
            }
            catch (WriteConflictException ex) when (attempt < Attempts)
            {
                LogRetried(ex.Message, attempt);
            }
            catch (NpgsqlException ex) when (IsStoreFailure(ex))
            {
                _failedOnRead = false;
                Failing(ex);
                LogStoreFailed(ex);
                throw;
            }
        }
    }

    /// <summary>A connection for a write: any failure to get one (the server refuses new connections, for one) is the store failing.</summary>
    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await source.OpenConnectionAsync(cancellationToken);
        }
        catch (PostgresException ex)
        {
            throw new NpgsqlException($"PostgreSQL refused a connection: {ex.MessageText} ({ex.SqlState})", ex);
        }
    }

    public Task WriteAsync(Func<NpgsqlConnection, Task> write, CancellationToken cancellationToken) =>
        WriteAsync(async connection => { await write(connection); return true; }, cancellationToken);

    /// <summary>
    /// The server or the way to it failed, not the statement: no connection, a dropped one, a server shutting down, a full
    /// disk, a read-only standby. A statement the server refused for what it asked (a unique key taken) is the caller's.
    /// </summary>
    private static bool IsStoreFailure(NpgsqlException exception) => exception is not PostgresException postgres
        || postgres.SqlState.StartsWith("08", StringComparison.Ordinal)   // connection exception
        || postgres.SqlState.StartsWith("53", StringComparison.Ordinal)   // insufficient resources: disk full, out of memory, too many connections
        || postgres.SqlState.StartsWith("57", StringComparison.Ordinal)   // operator intervention: shutdown, cannot connect now
        || postgres.SqlState.StartsWith("58", StringComparison.Ordinal)   // system error: I/O
        || postgres.SqlState == PostgresErrorCodes.ReadOnlySqlTransaction;

    public ValueTask DisposeAsync() => source.DisposeAsync();

    [LoggerMessage(Level = LogLevel.Error, Message = "A write to PostgreSQL failed; nothing of it was acknowledged")]
    private partial void LogStoreFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A write to PostgreSQL was run again after {Reason} (attempt {Attempt})")]
    private partial void LogRetried(string reason, int attempt);
}

/// <summary>A write found the rows it depends on changed under it by another writer: run it again from the start.</summary>
internal sealed class WriteConflictException(string message) : Exception(message);
