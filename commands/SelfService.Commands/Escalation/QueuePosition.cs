namespace SelfService.Commands.Escalation;

/// <summary>Where a waiting ticket stands: 1 is next, and roughly how long until an agent takes it.</summary>
public sealed record QueuePosition(string TicketId, int Position, TimeSpan EstimatedWait);
