using SelfService.Messaging;

namespace SelfService.Commands;

/// <summary>A handler's answer: the reply to the sender (none while an agent holds the conversation) and the outcome.</summary>
internal sealed record HandlerResult(Reply? Reply, CommandOutcomeKind Kind, string? Subject = null);
