namespace SelfService.Smpp;

/// <summary>submit_sm_resp (SMPP v3.4 section 4.4.2): the SMSC's message_id for the submitted message, or an error status.</summary>
public sealed record SubmitSmResp : MessageIdResponse
{
    public override CommandId CommandId => CommandId.SubmitSmResp;
}
