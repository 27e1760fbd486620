namespace SelfService.Storage.Conversations;

/// <summary>One numbered choice on offer: its label, and what picking it does ("menu:&lt;id&gt;", or text to run as typed).</summary>
public sealed class PendingChoice
{
    public string Label { get; set; } = "";
    public string Action { get; set; } = "";
}
