namespace SelfService.Smpp;

/// <summary>bind_transmitter (SMPP v3.4 section 4.1.1).</summary>
public sealed record BindTransmitter : BindRequest
{
    public override CommandId CommandId => CommandId.BindTransmitter;
}
