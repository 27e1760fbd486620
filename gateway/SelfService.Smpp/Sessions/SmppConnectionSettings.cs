namespace SelfService.Smpp;

/// <summary>What one connection needs to know, whichever side it serves.</summary>
internal sealed record SmppConnectionSettings(int WindowSize, TimeSpan ResponseTimeout, TimeSpan EnquireLinkInterval, int MaxPduLength);
