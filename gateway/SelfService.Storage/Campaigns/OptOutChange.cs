namespace SelfService.Storage.Campaigns;

/// <summary>
/// A customer stopping (or resuming) campaign messages, as the audit trail keeps it: never changed, never deleted.
/// <see cref="Id"/> makes it idempotent (the inbound message's id: a message run again after a crash records nothing twice).
/// </summary>
public sealed class OptOutChange
{
    public string Id { get; set; } = "";
    public string Msisdn { get; set; } = "";

    /// <summary>The topic stopped or resumed; <see cref="AllTopics"/> for every campaign.</summary>
    public string Topic { get; set; } = AllTopics;

    /// <summary>True: stop; false: resume.</summary>
    public bool OptedOut { get; set; }

    public string Channel { get; set; } = "";

    /// <summary>What the customer wrote.</summary>
    public string Text { get; set; } = "";

    public DateTimeOffset At { get; set; }

    public const string AllTopics = "*";
}
