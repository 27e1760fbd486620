namespace SelfService.Smpp;

/// <summary>Where a message id was read, which decides how <see cref="MessageIds.MatchKeys"/> reads its digits.</summary>
public enum MessageIdOrigin
{
    /// <summary>message_id of a submit_sm_resp (or data_sm_resp).</summary>
    SubmitResponse,

    /// <summary>id: of a receipt text, or receipted_message_id.</summary>
    Receipt,
}
