namespace SelfService.Storage.Channels;

/// <summary>
/// Parts of concatenated mobile-originated SMS, stored as they come (each part is acknowledged to the SMSC only after it is
/// stored), until the last one arrives. Each operation is atomic: parts of one set arriving at once on several binds
/// complete the set exactly once.
/// </summary>
public interface IConcatenatedPartStore
{
    /// <summary>
    /// Stores a part; returns the whole set, in order, when this part completed it; an empty list when the set was accepted
    /// already and this is the same part again (the SMSC redelivers a part whose deliver_sm_resp it missed); null while
    /// parts are missing. A part that differs from the accepted one under its key starts a new set (a reused reference).
    /// </summary>
    Task<IReadOnlyList<ConcatenatedPart>?> AddAsync(ConcatenatedPart part, CancellationToken cancellationToken);

    /// <summary>Marks a set accepted once the whole message is in the pipeline. Its parts stay until they expire, so that a
    /// redelivered part is known for what it is, not taken for the first part of a new message.</summary>
    Task MarkAcceptedAsync(string setKey, CancellationToken cancellationToken);

    /// <summary>Sets with a part received before <paramref name="cutoff"/>: removed, and returned (each in order) when they
    /// are still incomplete, so the customer can be told.</summary>
    Task<IReadOnlyList<IReadOnlyList<ConcatenatedPart>>> TakeExpiredAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
