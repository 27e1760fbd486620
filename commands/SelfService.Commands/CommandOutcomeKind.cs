namespace SelfService.Commands;

/// <summary>What became of one inbound message; the statistics (containment, escalations) count these.</summary>
public enum CommandOutcomeKind
{
    /// <summary>A self-service action or query ran (balance, status, activation, linking...).</summary>
    Executed,

    /// <summary>The knowledge base answered a question.</summary>
    Answered,

    /// <summary>A question the knowledge base had no confident answer for.</summary>
    Unanswered,

    /// <summary>The conversation went to the human queue.</summary>
    Escalated,

    /// <summary>The message is for the agent who holds (or will take) the conversation.</summary>
    ForAgent,

    /// <summary>A policy refused it: identity, channel, rate limit, PIN.</summary>
    Refused,

    /// <summary>Empty, oversized, binary or unknown input: the customer was told what to send.</summary>
    Invalid,

    /// <summary>A backend failed; the customer was told to try later.</summary>
    Failed,
}
