namespace SelfService.Smpp;

/// <summary>bind_receiver (SMPP v3.4 section 4.1.3).</summary>
public sealed record BindReceiver : BindRequest
{
    public override CommandId CommandId => CommandId.BindReceiver;
}
