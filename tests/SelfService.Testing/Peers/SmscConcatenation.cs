namespace SelfService.Testing.Peers;

/// <summary>Sends a text as a concatenated message.</summary>
/// <param name="Mode">UDH with an 8- or 16-bit reference, or SAR TLVs.</param>
public sealed record SmscConcatenation(SmscConcatenationMode Mode)
{
    /// <summary>The concatenation reference; random when null.</summary>
    public int? Reference { get; init; }

    /// <summary>Split the text into exactly this many parts; when null, as many as the part size needs (153/67/134...).</summary>
    public int? Parts { get; init; }

    /// <summary>Zero-based indexes of parts not to send, to test a missing part.</summary>
    public IReadOnlyList<int>? SkipParts { get; init; }
}
