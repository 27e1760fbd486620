namespace SelfService.Storage.Escalations;

/// <summary>A number to call back, and who did it when.</summary>
public sealed class CallbackRequest
{
    public string Number { get; set; } = "";
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? DoneAt { get; set; }
    public string? DoneBy { get; set; }
}
