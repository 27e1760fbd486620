namespace SelfService.Smpp;

/// <summary>The command_status values of SMPP v3.4 (section 5.1.3, table 5-2), with the spec's ESME_R names in the comments.</summary>
public enum CommandStatus : uint
{
    /// <summary>ESME_ROK: no error.</summary>
    Ok = 0x00000000,
    /// <summary>ESME_RINVMSGLEN: message length is invalid.</summary>
    InvalidMessageLength = 0x00000001,
    /// <summary>ESME_RINVCMDLEN: command length is invalid.</summary>
    InvalidCommandLength = 0x00000002,
    /// <summary>ESME_RINVCMDID: invalid command id.</summary>
    InvalidCommandId = 0x00000003,
    /// <summary>ESME_RINVBNDSTS: incorrect bind status for the given command.</summary>
    IncorrectBindStatus = 0x00000004,
    /// <summary>ESME_RALYBND: the ESME is already bound.</summary>
    AlreadyBound = 0x00000005,
    /// <summary>ESME_RINVPRTFLG: invalid priority flag.</summary>
    InvalidPriorityFlag = 0x00000006,
    /// <summary>ESME_RINVREGDLVFLG: invalid registered delivery flag.</summary>
    InvalidRegisteredDeliveryFlag = 0x00000007,
    /// <summary>ESME_RSYSERR: system error.</summary>
    SystemError = 0x00000008,
    /// <summary>ESME_RINVSRCADR: invalid source address.</summary>
    InvalidSourceAddress = 0x0000000A,
    /// <summary>ESME_RINVDSTADR: invalid destination address.</summary>
    InvalidDestinationAddress = 0x0000000B,
    /// <summary>ESME_RINVMSGID: message id is invalid.</summary>
    InvalidMessageId = 0x0000000C,
    /// <summary>ESME_RBINDFAIL: bind failed.</summary>
    BindFailed = 0x0000000D,
    /// <summary>ESME_RINVPASWD: invalid password.</summary>
    InvalidPassword = 0x0000000E,
    /// <summary>ESME_RINVSYSID: invalid system id.</summary>
    InvalidSystemId = 0x0000000F,
    /// <summary>ESME_RCANCELFAIL: cancel_sm failed.</summary>
    CancelFailed = 0x00000011,
    /// <summary>ESME_RREPLACEFAIL: replace_sm failed.</summary>
    ReplaceFailed = 0x00000013,
    /// <summary>ESME_RMSGQFUL: message queue full.</summary>
    MessageQueueFull = 0x00000014,
    /// <summary>ESME_RINVSERTYP: invalid service type.</summary>
    InvalidServiceType = 0x00000015,
    /// <summary>ESME_RINVNUMDESTS: invalid number of destinations.</summary>
    InvalidNumberOfDestinations = 0x00000033,
    /// <summary>ESME_RINVDLNAME: invalid distribution list name.</summary>
    InvalidDistributionListName = 0x00000034,
    /// <summary>ESME_RINVDESTFLAG: destination flag is invalid (submit_multi).</summary>
    InvalidDestinationFlag = 0x00000040,
    /// <summary>ESME_RINVSUBREP: invalid "submit with replace" request.</summary>
    InvalidSubmitWithReplace = 0x00000042,
    /// <summary>ESME_RINVESMCLASS: invalid esm_class field data.</summary>
    InvalidEsmClass = 0x00000043,
    /// <summary>ESME_RCNTSUBDL: cannot submit to a distribution list.</summary>
    CannotSubmitToDistributionList = 0x00000044,
    /// <summary>ESME_RSUBMITFAIL: submit_sm or submit_multi failed.</summary>
    SubmitFailed = 0x00000045,
    /// <summary>ESME_RINVSRCTON: invalid source address TON.</summary>
    InvalidSourceTon = 0x00000048,
    /// <summary>ESME_RINVSRCNPI: invalid source address NPI.</summary>
    InvalidSourceNpi = 0x00000049,
    /// <summary>ESME_RINVDSTTON: invalid destination address TON.</summary>
    InvalidDestinationTon = 0x00000050,
    /// <summary>ESME_RINVDSTNPI: invalid destination address NPI.</summary>
    InvalidDestinationNpi = 0x00000051,
    /// <summary>ESME_RINVSYSTYP: invalid system_type field.</summary>
    InvalidSystemType = 0x00000053,
    /// <summary>ESME_RINVREPFLAG: invalid replace_if_present flag.</summary>
    InvalidReplaceIfPresentFlag = 0x00000054,
    /// <summary>ESME_RINVNUMMSGS: invalid number of messages.</summary>
    InvalidNumberOfMessages = 0x00000055,
    /// <summary>ESME_RTHROTTLED: throttling error (the ESME has exceeded its allowed message limits).</summary>
    Throttled = 0x00000058,
    /// <summary>ESME_RINVSCHED: invalid scheduled delivery time.</summary>
    InvalidScheduledDeliveryTime = 0x00000061,
    /// <summary>ESME_RINVEXPIRY: invalid message validity period (expiry time).</summary>
    InvalidExpiry = 0x00000062,
    /// <summary>ESME_RINVDFTMSGID: predefined message invalid or not found.</summary>
    InvalidDefaultMessageId = 0x00000063,
    /// <summary>ESME_RX_T_APPN: ESME receiver temporary app error code.</summary>
    ReceiverTemporaryAppError = 0x00000064,
    /// <summary>ESME_RX_P_APPN: ESME receiver permanent app error code.</summary>
    ReceiverPermanentAppError = 0x00000065,
    /// <summary>ESME_RX_R_APPN: ESME receiver reject message error code.</summary>
    ReceiverRejectMessage = 0x00000066,
    /// <summary>ESME_RQUERYFAIL: query_sm request failed.</summary>
    QueryFailed = 0x00000067,
    /// <summary>ESME_RINVOPTPARSTREAM: error in the optional part of the PDU body.</summary>
    InvalidOptionalParameterStream = 0x000000C0,
    /// <summary>ESME_ROPTPARNOTALLWD: optional parameter not allowed.</summary>
    OptionalParameterNotAllowed = 0x000000C1,
    /// <summary>ESME_RINVPARLEN: invalid parameter length.</summary>
    InvalidParameterLength = 0x000000C2,
    /// <summary>ESME_RMISSINGOPTPARAM: expected optional parameter missing.</summary>
    MissingOptionalParameter = 0x000000C3,
    /// <summary>ESME_RINVOPTPARAMVAL: invalid optional parameter value.</summary>
    InvalidOptionalParameterValue = 0x000000C4,
    /// <summary>ESME_RDELIVERYFAILURE: delivery failure (used for data_sm_resp).</summary>
    DeliveryFailure = 0x000000FE,
    /// <summary>ESME_RUNKNOWNERR: unknown error.</summary>
    UnknownError = 0x000000FF,
}
