using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SelfService.Storage.Leases;

/// <summary>
/// Runs each stateful connection (an SMPP bind, Telegram's long poll, an IMAP mailbox) only while this instance holds its
/// lease: <see cref="HoldAsync"/> waits for the lease, runs the connection, renews the lease every third of
/// <see cref="GatewayInstanceOptions.LeaseDuration"/>, and cancels the connection the moment a renewal is refused or the lease
/// may have run out unrenewed (the store unreachable), then waits to take it again. A connection that stops normally lets
/// its lease go, so another instance takes it at once; one whose process died is taken over when its lease expires.
/// With LiteDB (one process) every lease is free for the asking, so connections run as they always did.
/// </summary>
public sealed partial class ConnectionLeases(ILeaseStore store, IOptions<GatewayInstanceOptions> options, TimeProvider time, ILogger<ConnectionLeases> logger)
{
    /// <summary>
    /// Validity ends this fraction of the lease before the store's expiry, on this process's clock: room for the clocks of
    /// two instances to differ, so the old owner has stopped before the new one can start.
    /// </summary>
    private const double SkewAllowance = 0.1;

    private readonly ConcurrentDictionary<string, HeldLease> _held = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _heldPerGroup = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _groupGates = new(StringComparer.Ordinal);

    public string InstanceId { get; } = options.Value.ResolvedInstanceId;

    public TimeSpan Duration { get; } = options.Value.LeaseDuration;

    private TimeSpan RenewEvery => Duration / 3;

    /// <summary>The leases this instance holds now, by name.</summary>
    public IReadOnlyList<HeldLease> Held => [.. _held.Values.OrderBy(l => l.Name, StringComparer.Ordinal)];

    /// <summary>
    /// Runs <paramref name="connection"/> whenever this instance holds <paramref name="name"/>, until
    /// <paramref name="stoppingToken"/>. The connection gets the lease (its token fences what it writes) and a token that is
    /// cancelled when the lease is lost; it should run until then. Leases of one <paramref name="group"/> (the binds of one
    /// SMSC account) spread over the instances: one that holds some already waits a while before taking another free one.
    /// </summary>
    public async Task HoldAsync(string name, Func<HeldLease, CancellationToken, Task> connection, CancellationToken stoppingToken, string? group = null)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            HeldLease lease;
            try
            {
                lease = await AcquireAsync(name, group, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            using var lost = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var failed = false;
            _held[name] = lease;
            LogAcquired(name, InstanceId, lease.Token);
            var keeping = KeepAsync(lease, lost);
            try
            {
                await connection(lease, lost.Token);
            }
            catch (OperationCanceledException) when (lost.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                // The connection's own loop keeps itself up; one that fails out still lets its lease go (below), so
                // another instance may have better luck.
                LogConnectionFailed(ex, name);
                failed = true;
            }
            finally
            {
                await lost.CancelAsync();
                await keeping;
                _held.TryRemove(name, out _);
                if (group is not null) _heldPerGroup.AddOrUpdate(group, 0, (_, n) => n - 1);
            }
            if (lease.IsValid) await ReleaseAsync(lease);
            lease.Invalidate();
            if (failed)
            {
                try
                {
                    await Task.Delay(RenewEvery, time, stoppingToken);   // not straight back into a connection that fails at once
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Waits until this instance holds <paramref name="name"/>.</summary>
    private async Task<HeldLease> AcquireAsync(string name, string? group, CancellationToken cancellationToken)
    {
        var freeSince = (DateTimeOffset?)null;
        // One attempt at a time per group, counted as held before the next looks: the binds of an instance starting up are
        // not all taken at once before it knows it holds any.
        var gate = group is null ? null : _groupGates.GetOrAdd(group, _ => new SemaphoreSlim(1, 1));
        while (true)
        {
            TimeSpan wait;
            if (gate is not null) await gate.WaitAsync(cancellationToken);
            try
            {
                var now = time.GetUtcNow();
                var heldInGroup = group is null ? 0 : _heldPerGroup.GetValueOrDefault(group);
                // Spread: an instance with k leases of the group leaves a free one to the others for k renewal periods.
                var patience = RenewEvery * heldInGroup;
                var current = (await store.ListAsync(cancellationToken)).FirstOrDefault(l => l.Name == name);
                if (current is not null && current.IsHeldAt(now))
                {
                    freeSince = null;
                    wait = Min(current.ExpiresAt - now, RenewEvery);
                }
                else if (patience > TimeSpan.Zero && (freeSince ??= now) + patience > now)
                {
                    wait = Min(freeSince.Value + patience - now, RenewEvery);
                }
                else
                {
                    var askedAt = time.GetTimestamp();
                    var claim = await store.TryAcquireAsync(name, InstanceId, Duration, now, cancellationToken);
                    if (claim.Acquired)
                    {
                        if (group is not null) _heldPerGroup.AddOrUpdate(group, 1, (_, n) => n + 1);
                        return new HeldLease(claim.Current, askedAt, ValidFor, time);
                    }
                    wait = Min(claim.Current.ExpiresAt - now, RenewEvery);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogStoreFailed(ex, name);
                wait = RenewEvery;
            }
            finally
            {
                gate?.Release();
            }
            // Tried again the moment the holder's lease runs out, so a dead holder is replaced within one lease period.
            await Task.Delay(wait > TimeSpan.FromMilliseconds(10) ? wait : TimeSpan.FromMilliseconds(10), time, cancellationToken);
        }
    }

    private TimeSpan ValidFor => Duration * (1 - SkewAllowance);

    /// <summary>Renews until the lease is lost (then cancels <paramref name="lost"/>) or the connection ends.</summary>
    private async Task KeepAsync(HeldLease lease, CancellationTokenSource lost)
    {
        var renewAt = time.GetTimestamp() + Ticks(RenewEvery);
        while (!lost.IsCancellationRequested)
        {
            try
            {
                // Woken for the renewal, or when validity runs out should renewals keep failing, whichever comes first.
                var until = Math.Min(renewAt, lease.ValidUntil) - time.GetTimestamp();
                if (until > 0) await Task.Delay(TimeSpan.FromSeconds((double)until / time.TimestampFrequency), time, lost.Token);
                if (!lease.IsValid)
                {
                    LogExpiredUnrenewed(lease.Name, lease.Token);
                    break;
                }
                var askedAt = time.GetTimestamp();
                using var deadline = CancellationTokenSource.CreateLinkedTokenSource(lost.Token);
                deadline.CancelAfter(TimeSpan.FromSeconds(Math.Max(0, (double)(lease.ValidUntil - askedAt) / time.TimestampFrequency)));
                var renewed = await store.RenewAsync(lease.Fence, Duration, time.GetUtcNow(), deadline.Token);
                if (renewed is null)
                {
                    LogLost(lease.Name, lease.Token);
                    break;
                }
                lease.Renewed(renewed, askedAt, ValidFor);
                renewAt = askedAt + Ticks(RenewEvery);
            }
            catch (OperationCanceledException) when (lost.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The store did not answer: try again soon, while the lease is still certainly ours.
                LogRenewFailed(ex, lease.Name);
                renewAt = time.GetTimestamp() + Ticks(RenewEvery / 5);
            }
        }
        lease.Invalidate();
        await lost.CancelAsync();
    }

    private async Task ReleaseAsync(HeldLease lease)
    {
        try
        {
            using var timeout = new CancellationTokenSource(RenewEvery);
            await store.ReleaseAsync(lease.Fence, time.GetUtcNow(), timeout.Token);
            LogReleased(lease.Name, lease.Token);
        }
        catch (Exception ex)
        {
            // It expires by itself within one lease period.
            LogRenewFailed(ex, lease.Name);
        }
    }

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * time.TimestampFrequency);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Lease {Lease} taken by {Instance} with token {Token}")]
    private partial void LogAcquired(string lease, string instance, long token);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lease {Lease} (token {Token}) let go")]
    private partial void LogReleased(string lease, long token);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lease {Lease} (token {Token}) was taken over or expired: its connection is dropped now")]
    private partial void LogLost(string lease, long token);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lease {Lease} (token {Token}) ran out before it could be renewed: its connection is dropped now")]
    private partial void LogExpiredUnrenewed(string lease, long token);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew or let go of lease {Lease}; trying again")]
    private partial void LogRenewFailed(Exception exception, string lease);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not ask the store for lease {Lease}; trying again")]
    private partial void LogStoreFailed(Exception exception, string lease);

    [LoggerMessage(Level = LogLevel.Error, Message = "The connection held under lease {Lease} failed")]
    private partial void LogConnectionFailed(Exception exception, string lease);
}
