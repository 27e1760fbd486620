namespace SelfService.Smpp;

/// <summary>How <see cref="MessageSplitter"/> cuts and ties long messages for one SMSC.</summary>
public sealed record MessageSplitterOptions
{
    public ConcatenationMethod Method { get; init; } = ConcatenationMethod.Udh8BitReference;

    public SmsTextOptions Text { get; init; } = SmsTextOptions.Default;

    /// <summary>The most parts a message may take (at most 255, the size of the "total" field).</summary>
    public int MaxParts { get; init; } = 255;
}
