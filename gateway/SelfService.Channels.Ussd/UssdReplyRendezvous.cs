namespace SelfService.Channels.Ussd;

/// <summary>Where an aggregator's USSD request waits for its reply (USSD over HTTP).</summary>
internal sealed class UssdReplyRendezvous(TimeProvider time) : ReplyRendezvous(time);
