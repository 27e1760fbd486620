namespace SelfService.Storage.Leases;

/// <summary>
/// A lease this instance holds now. <see cref="IsValid"/> is judged on this process's own monotonic clock, from the moment
/// each renewal was asked for: a process that was paused (SIGSTOP, a long GC, a frozen VM) past its lease finds it invalid
/// the instant it runs again, before its renewal is even answered, and sends nothing more on the connection.
/// </summary>
public sealed class HeldLease
{
    private readonly TimeProvider _time;
    private long _validUntil;

    internal HeldLease(Lease lease, long askedAt, TimeSpan validFor, TimeProvider time)
    {
        _time = time;
        Name = lease.Name;
        Token = lease.Token;
        AcquiredAt = lease.AcquiredAt;
        Renewed(lease, askedAt, validFor);
    }

    public string Name { get; }

    public long Token { get; }

    public DateTimeOffset AcquiredAt { get; }

    /// <summary>Until when the store says the lease is ours (as of the last renewal).</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    public LeaseFence Fence => new(Name, Token);

    /// <summary>Whether the lease is still certainly ours: false once it may have expired, whatever the store says later.</summary>
    public bool IsValid => _time.GetTimestamp() < Interlocked.Read(ref _validUntil);

    internal long ValidUntil => Interlocked.Read(ref _validUntil);

    internal void Renewed(Lease lease, long askedAt, TimeSpan validFor)
    {
        ExpiresAt = lease.ExpiresAt;
        Interlocked.Exchange(ref _validUntil, askedAt + (long)(validFor.TotalSeconds * _time.TimestampFrequency));
    }

    /// <summary>Ends validity now: the lease was lost or let go.</summary>
    internal void Invalidate() => Interlocked.Exchange(ref _validUntil, long.MinValue);
}
