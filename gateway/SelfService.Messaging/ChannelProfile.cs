using SelfService.Messaging.Text;

namespace SelfService.Messaging;

/// <summary>What the pipeline must know about a channel to talk on it.</summary>
/// <param name="Name">One of <see cref="ChannelNames"/>.</param>
/// <param name="ReplyForm">Which answer form suits the channel.</param>
/// <param name="MaxSmsParts">For <see cref="ReplyForm.Short"/>: how many SMS parts a reply may take before it is shortened.</param>
/// <param name="SenderIsMsisdn">True when the operator's network vouches for the sender's number (SMS, USSD).</param>
/// <param name="IdempotentSends">True when sending the same outbox message twice shows it once (the web chat keys
/// replies by outbox id): such messages are resent after a crash; others are not, so no customer gets a reply twice.</param>
/// <param name="PartsOf">For <see cref="ReplyForm.Short"/>: how many parts a text takes as the channel itself cuts it (a
/// 16-bit UDH reference leaves 152/66 characters a part, an 8-bit one 153/67); null counts the parts of <paramref name="Measure"/>.</param>
/// <param name="Measure">For <see cref="ReplyForm.Short"/> and <see cref="ReplyForm.Ussd"/>: how the channel measures a text in GSM-7
/// or UCS-2. Null measures every text as UCS-2, the strictest: whatever channel carries it later can.</param>
public sealed record ChannelProfile(string Name, ReplyForm ReplyForm, int MaxSmsParts, bool SenderIsMsisdn, bool IdempotentSends = false,
    SmsPartCounter? PartsOf = null, SmsMeasure? Measure = null);

/// <summary>How many SMS parts <paramref name="text"/> takes on a channel.</summary>
public delegate int SmsPartCounter(string text);

public enum ReplyForm
{
    /// <summary>SMS and USSD: plain text measured in GSM-7 or UCS-2 parts.</summary>
    Short,

    /// <summary>Email, web chat, Telegram: the Markdown long answer.</summary>
    Long,

    /// <summary>USSD: the short answer with its choices numbered, in one USSD string (182 GSM-7 or 80 UCS-2 characters).</summary>
    Ussd,

    /// <summary>
    /// The voice menu: the short answer, spoken; a menu's title without its numbered lines, since the channel speaks the
    /// choices itself ("for Balance, press one") from the reply's choices.
    /// </summary>
    Voice,
}
