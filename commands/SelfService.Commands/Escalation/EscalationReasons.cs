using SelfService.Storage.Escalations;

namespace SelfService.Commands.Escalation;

/// <summary>Why the bot handed a conversation to people (<see cref="EscalationTicket.Reason"/>, and the escalated message's history subject).</summary>
public static class EscalationReasons
{
    /// <summary>The customer asked for a person (AGENT).</summary>
    public const string AskedForAgent = "asked-for-agent";

    /// <summary>The knowledge base missed several questions in a row; the last one is the ticket's LastQuestion.</summary>
    public const string UnansweredQuestions = "unanswered-questions";

    /// <summary>The customer asked to be called back (CALLBACK) rather than wait.</summary>
    public const string Callback = "callback";
}
