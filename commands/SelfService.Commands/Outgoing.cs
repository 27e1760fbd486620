using SelfService.Messaging;

namespace SelfService.Commands;

/// <summary>A reply the processor wants sent: to the sender, or elsewhere (a one-time code by SMS).</summary>
public sealed record Outgoing(string Channel, string Address, string SessionId, Reply Reply);
