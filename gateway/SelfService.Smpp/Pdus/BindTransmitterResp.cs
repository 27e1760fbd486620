namespace SelfService.Smpp;

/// <summary>bind_transmitter_resp (SMPP v3.4 section 4.1.2).</summary>
public sealed record BindTransmitterResp : BindResponse
{
    public override CommandId CommandId => CommandId.BindTransmitterResp;
}
