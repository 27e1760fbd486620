namespace SelfService.Smpp;

/// <summary>bind_transceiver_resp (SMPP v3.4 section 4.1.6).</summary>
public sealed record BindTransceiverResp : BindResponse
{
    public override CommandId CommandId => CommandId.BindTransceiverResp;
}
