namespace SelfService.Smpp;

/// <summary>A change of <see cref="SmppClient.State"/>.</summary>
public sealed class SmppSessionStateChangedEventArgs(SmppSessionState previous, SmppSessionState current, string? reason) : EventArgs
{
    public SmppSessionState Previous { get; } = previous;

    public SmppSessionState Current { get; } = current;

    /// <summary>Why, when there is something to say (the close reason, the bind error...).</summary>
    public string? Reason { get; } = reason;
}
