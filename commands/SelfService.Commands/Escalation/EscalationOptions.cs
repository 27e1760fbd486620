namespace SelfService.Commands.Escalation;

public sealed class EscalationOptions
{
    /// <summary>Free-text questions in a row the knowledge base cannot answer before a person takes over.</summary>
    public int UnansweredBeforeEscalation { get; set; } = 2;

    /// <summary>How long an agent takes per customer, used until real waits have been measured.</summary>
    public TimeSpan DefaultHandlingTime { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>How many agents work the queue; the estimate divides by it.</summary>
    public int AgentsOnDuty { get; set; } = 1;

    /// <summary>When the estimated wait is longer than this, the customer is offered a callback instead.</summary>
    public TimeSpan CallbackOfferAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Queue groups, first match wins; a ticket no group claims goes to "general".</summary>
    public List<QueueGroup> Groups { get; set; } = [];
}

/// <summary>A queue group: the topics (KB categories, "menu:&lt;id&gt;") and languages it handles.</summary>
public sealed class QueueGroup
{
    public string Name { get; set; } = "";

    /// <summary>Empty: any topic.</summary>
    public List<string> Topics { get; set; } = [];

    /// <summary>Empty: any language.</summary>
    public List<string> Languages { get; set; } = [];
}
