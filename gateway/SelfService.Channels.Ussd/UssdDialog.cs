using SelfService.Smpp;

namespace SelfService.Channels.Ussd;

/// <summary>One USSD session on the SMPP bind, from the subscriber's indication to the gateway's last answer.</summary>
internal sealed class UssdDialog
{
    /// <summary>Unique per session (subscriber, its_session_info number, start time): the session id of its messages and
    /// the prefix of their channel message ids.</summary>
    public required string Id { get; init; }

    /// <summary>Where replies go: the subscriber as the SMSC addressed them.</summary>
    public required UssdParty Subscriber { get; init; }

    /// <summary>What the subscriber reached (the service code or short number); replies come from it.</summary>
    public required UssdParty Service { get; init; }

    /// <summary>The bind the session's inputs come on, and its answers go out on (the USSD bind, or the SMS bind it shares).</summary>
    public required SmppClient Bind { get; set; }

    /// <summary>The subscriber's sequence number in its_session_info when the session opened.</summary>
    public int FirstSequence { get; init; }

    /// <summary>The subscriber's latest sequence number; anything at or below it again is a redelivery.</summary>
    public int LastSequence { get; set; }

    /// <summary>Inputs received; numbers them when the SMSC sends no its_session_info.</summary>
    public int Inputs { get; set; }

    public bool Ended { get; set; }

    public DateTimeOffset LastActivity { get; set; }
}

/// <summary>An SMPP address: the digits with their type of number and numbering plan.</summary>
internal sealed record UssdParty(string Address, TypeOfNumber Ton, NumberingPlan Npi);

/// <summary>One input of a dialog, waiting for the gateway's answer.</summary>
/// <param name="Operation">What the subscriber sent: a PSSR or PSSD indication, or a USSR confirm.</param>
/// <param name="SessionInfo">Its its_session_info, when the SMSC sent one; the answer continues its numbering.</param>
internal sealed record UssdTurn(UssdDialog Dialog, UssdServiceOp Operation, UssdSessionInfo? SessionInfo, string ChannelMessageId, DateTimeOffset ReceivedAt);
