namespace SelfService.Storage.Leases;

/// <summary>
/// Named leases, so that a connection only one process may hold (an SMPP bind, Telegram's long poll, an IMAP mailbox) has
/// exactly one owner among the gateways sharing a store. Each taking of a lease gets a token larger than any the lease had
/// before (a fencing token): writes made on behalf of the connection carry it, and a store refuses those whose token is no
/// longer the lease's, so an owner that was paused past its lease cannot write over its successor. Times are the callers'
/// clocks (<see cref="TimeProvider"/>): the instances' clocks must agree to well within a lease (NTP does).
/// </summary>
public interface ILeaseStore
{
    /// <summary>
    /// Takes <paramref name="name"/> for <paramref name="owner"/> until <paramref name="now"/> + <paramref name="duration"/>
    /// when nobody holds it or its holder let it expire, with a new token; otherwise leaves it and says who holds it until when.
    /// </summary>
    Task<LeaseClaim> TryAcquireAsync(string name, string owner, TimeSpan duration, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Extends the lease to <paramref name="now"/> + <paramref name="duration"/> if <paramref name="fence"/> still holds it and it
    /// has not expired; null when it was lost (expired, or taken by another with a new token): the connection must go at once.
    /// </summary>
    Task<Lease?> RenewAsync(LeaseFence fence, TimeSpan duration, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Lets the lease go at <paramref name="now"/> if <paramref name="fence"/> still holds it, so another may take it at once.</summary>
    Task ReleaseAsync(LeaseFence fence, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Whether <paramref name="fence"/>'s token is still the lease's: the check a fenced write makes in its own commit.</summary>
    Task<bool> IsCurrentAsync(LeaseFence fence, CancellationToken cancellationToken);

    /// <summary>Every lease, by name, held or not (an expired one keeps its last holder and token).</summary>
    Task<IReadOnlyList<Lease>> ListAsync(CancellationToken cancellationToken);
}

/// <summary>A lease as stored: who took it last, with which token, until when.</summary>
public sealed record Lease(string Name, string Owner, long Token, DateTimeOffset AcquiredAt, DateTimeOffset ExpiresAt)
{
    public LeaseFence Fence => new(Name, Token);

    public bool IsHeldAt(DateTimeOffset now) => ExpiresAt > now;
}

/// <summary>What a write on behalf of a connection carries: the lease and the token it was taken with.</summary>
public sealed record LeaseFence(string Name, long Token);

/// <summary>The answer to an attempt to take a lease: <see cref="Acquired"/>, and the lease as it is now (its holder if not ours).</summary>
public sealed record LeaseClaim(bool Acquired, Lease Current);

/// <summary>A write carried a lease token that is no longer the lease's: its writer lost the connection to another instance.</summary>
public sealed class StaleLeaseException(LeaseFence fence)
    : Exception($"The lease '{fence.Name}' is no longer held with token {fence.Token}: another instance took it over, so this write was refused.")
{
    public LeaseFence Fence { get; } = fence;
}
