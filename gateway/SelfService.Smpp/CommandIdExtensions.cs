namespace SelfService.Smpp;

/// <summary>Small facts about command ids.</summary>
public static class CommandIdExtensions
{
    /// <summary>The bit that turns a request id into its response id.</summary>
    public const uint ResponseBit = 0x80000000;

    /// <summary>True for a response id (bit 31 set), including generic_nack.</summary>
    public static bool IsResponse(this CommandId id) => ((uint)id & ResponseBit) != 0;

    /// <summary>The response id that answers a request id.</summary>
    public static CommandId ToResponse(this CommandId id) => (CommandId)((uint)id | ResponseBit);

    /// <summary>The spec's name of a command id, e.g. "submit_sm_resp"; the hex value for an unknown id.</summary>
    public static string ToSpecName(this CommandId id) => id switch
    {
        CommandId.GenericNack => "generic_nack",
        CommandId.BindReceiver => "bind_receiver",
        CommandId.BindReceiverResp => "bind_receiver_resp",
        CommandId.BindTransmitter => "bind_transmitter",
        CommandId.BindTransmitterResp => "bind_transmitter_resp",
        CommandId.QuerySm => "query_sm",
        CommandId.QuerySmResp => "query_sm_resp",
        CommandId.SubmitSm => "submit_sm",
        CommandId.SubmitSmResp => "submit_sm_resp",
        CommandId.DeliverSm => "deliver_sm",
        CommandId.DeliverSmResp => "deliver_sm_resp",
        CommandId.Unbind => "unbind",
        CommandId.UnbindResp => "unbind_resp",
        CommandId.ReplaceSm => "replace_sm",
        CommandId.ReplaceSmResp => "replace_sm_resp",
        CommandId.CancelSm => "cancel_sm",
        CommandId.CancelSmResp => "cancel_sm_resp",
        CommandId.BindTransceiver => "bind_transceiver",
        CommandId.BindTransceiverResp => "bind_transceiver_resp",
        CommandId.Outbind => "outbind",
        CommandId.EnquireLink => "enquire_link",
        CommandId.EnquireLinkResp => "enquire_link_resp",
        CommandId.SubmitMulti => "submit_multi",
        CommandId.SubmitMultiResp => "submit_multi_resp",
        CommandId.AlertNotification => "alert_notification",
        CommandId.DataSm => "data_sm",
        CommandId.DataSmResp => "data_sm_resp",
        _ => "0x" + ((uint)id).ToString("X8", System.Globalization.CultureInfo.InvariantCulture),
    };
}
