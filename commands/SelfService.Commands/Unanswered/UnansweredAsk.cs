namespace SelfService.Commands.Unanswered;

/// <summary>One time a customer asked something the knowledge base could not answer.</summary>
public sealed record UnansweredAsk(string Text, string Language, string Channel, DateTimeOffset At);
