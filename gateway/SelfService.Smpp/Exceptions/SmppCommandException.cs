namespace SelfService.Smpp;

/// <summary>The peer answered with an error command_status (or a generic_nack). The connection still works.</summary>
public class SmppCommandException : SmppException
{
    public SmppCommandException() { }
    public SmppCommandException(string message) : base(message) { }
    public SmppCommandException(string message, Exception? innerException) : base(message, innerException) { }

    public SmppCommandException(CommandStatus status, CommandId responseId, string? message = null)
        : base(message ?? $"{responseId} with status {status} (0x{(uint)status:X8})")
    {
        Status = status;
        ResponseId = responseId;
    }

    /// <summary>The command_status the peer answered with.</summary>
    public CommandStatus Status { get; }

    /// <summary>The command_id of the answer (the request's _resp, or generic_nack).</summary>
    public CommandId ResponseId { get; }

    /// <summary>True for the statuses that mean "not now": Throttled (0x58) and MessageQueueFull (0x14).</summary>
    public bool IsTransient => Status is CommandStatus.Throttled or CommandStatus.MessageQueueFull;
}
