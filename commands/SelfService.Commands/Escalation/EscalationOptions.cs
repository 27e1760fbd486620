namespace SelfService.Commands.Escalation;

public sealed class EscalationOptions
{
    /// <summary>Free-text questions in a row the knowledge base cannot answer before a person takes over.</summary>
    public int UnansweredBeforeEscalation { get; set; } = 2;

    /// <summary>How long an agent takes per customer, used until real waits have been measured.</summary>
    public TimeSpan DefaultHandlingTime { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>How many agents work the queue; the estimate divides by it.</summary>
    public int AgentsOnDuty { get; set; } = 1;
}
