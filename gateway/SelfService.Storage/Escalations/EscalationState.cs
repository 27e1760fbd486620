namespace SelfService.Storage.Escalations;

/// <summary>Where a ticket stands: waiting in its group's queue, held by an agent, or done.</summary>
public enum EscalationState { Waiting, Taken, Closed }
