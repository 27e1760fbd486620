using System.Globalization;
using System.Security.Cryptography;
using SelfService.Storage.Staff;

namespace SelfService.Staff;

/// <summary>Append-only record of sign-ins and of every action staff take on a customer's data.</summary>
public sealed class AuditTrail(IAuditLog log, TimeProvider time)
{
    private readonly Lock _idGate = new();
    private long _lastMilliseconds;
    private int _sequence;

    /// <summary>
    /// Records an action. Not cancellable on purpose: an action that happened is audited even when the request that
    /// did it has gone away meanwhile.
    /// </summary>
    public Task RecordAsync(string actor, string action, string subject, string? details, string? remoteAddress)
    {
        var at = time.GetUtcNow();
        return log.RecordAsync(new AuditEntry
        {
            Id = NextId(at), Actor = actor, Action = action, Subject = subject, Details = details, RemoteAddress = remoteAddress, At = at,
        }, CancellationToken.None);
    }

    /// <summary>Newest first; by actor or subject when given; older than <see cref="AuditQuery.Before"/> for the next page.</summary>
    public Task<IReadOnlyList<AuditEntry>> RecentAsync(AuditQuery query, CancellationToken cancellationToken) =>
        log.RecentAsync(query, cancellationToken);

    /// <summary>
    /// The trail's order: the milliseconds (12 hex digits, as a version-7 GUID and <see cref="Storage.TimeOrderedIds"/>
    /// begin, so entries of earlier versions sort among these), a sequence within the millisecond, so entries of one
    /// gateway never tie, and random digits, so two gateways never make the same id.
    /// </summary>
    private string NextId(DateTimeOffset at)
    {
        lock (_idGate)
        {
            var milliseconds = Math.Max(Math.Max(0, at.ToUnixTimeMilliseconds()), _lastMilliseconds);
            _sequence = milliseconds == _lastMilliseconds ? _sequence + 1 : 0;
            _lastMilliseconds = milliseconds;
            return milliseconds.ToString("x12", CultureInfo.InvariantCulture) + _sequence.ToString("x6", CultureInfo.InvariantCulture)
                + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(7));
        }
    }
}
