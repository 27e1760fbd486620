namespace SelfService.Smpp;

/// <summary>deliver_sm_resp (SMPP v3.4 section 4.6.2): message_id is unused and sent as a single NUL.</summary>
public sealed record DeliverSmResp : MessageIdResponse
{
    public override CommandId CommandId => CommandId.DeliverSmResp;
}
