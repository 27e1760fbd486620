namespace SelfService.Smpp;

/// <summary>data_sm_resp (SMPP v3.4 section 4.7.2): message_id and optional delivery_failure_reason, network_error_code,
/// additional_status_info_text, dpf_result.</summary>
public sealed record DataSmResp : MessageIdResponse
{
    public override CommandId CommandId => CommandId.DataSmResp;
}
