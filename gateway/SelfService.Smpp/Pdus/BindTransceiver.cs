namespace SelfService.Smpp;

/// <summary>bind_transceiver (SMPP v3.4 section 4.1.5).</summary>
public sealed record BindTransceiver : BindRequest
{
    public override CommandId CommandId => CommandId.BindTransceiver;
}
