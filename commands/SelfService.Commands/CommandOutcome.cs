using SelfService.Channels;

namespace SelfService.Commands;

/// <summary>The processor's verdict on one message: the resolved envelope, what happened and what to send.</summary>
public sealed record CommandOutcome(InboundMessage Message, CommandOutcomeKind Kind, string? Subject, IReadOnlyList<Outgoing> Replies);
