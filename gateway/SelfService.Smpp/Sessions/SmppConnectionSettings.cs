namespace SelfService.Smpp;

/// <summary>What one connection needs to know, whichever side it serves.</summary>
/// <param name="MayTransmit">
/// Asked on the write loop right before each submit_sm or data_sm reaches the socket: false closes the connection instead,
/// and the request fails as never written. The last check there is, for an ESME that may have lost the right to send
/// (its lease on the bind) while it was paused.
/// </param>
internal sealed record SmppConnectionSettings(int WindowSize, TimeSpan ResponseTimeout, TimeSpan EnquireLinkInterval, int MaxPduLength,
    Func<bool>? MayTransmit = null);
