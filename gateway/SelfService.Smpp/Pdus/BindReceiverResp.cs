namespace SelfService.Smpp;

/// <summary>bind_receiver_resp (SMPP v3.4 section 4.1.4).</summary>
public sealed record BindReceiverResp : BindResponse
{
    public override CommandId CommandId => CommandId.BindReceiverResp;
}
