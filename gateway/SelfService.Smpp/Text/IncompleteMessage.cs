namespace SelfService.Smpp;

/// <summary>A concatenated message whose parts did not all arrive in time.</summary>
/// <param name="Source">source_addr of the parts.</param>
/// <param name="Destination">destination_addr of the parts.</param>
/// <param name="Reference">The concatenation reference.</param>
/// <param name="Parts">The texts by part number minus one; null where a part is missing.</param>
public sealed record IncompleteMessage(string Source, string Destination, int Reference, IReadOnlyList<string?> Parts)
{
    public int Total => Parts.Count;

    /// <summary>The part numbers (from 1) that never came.</summary>
    public IEnumerable<int> MissingParts => Parts.Select((p, i) => (p, i)).Where(x => x.p is null).Select(x => x.i + 1);
}
