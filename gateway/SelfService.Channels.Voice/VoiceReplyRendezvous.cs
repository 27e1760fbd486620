namespace SelfService.Channels.Voice;

/// <summary>Where a key the caller pressed waits for the processor's reply, which the voice adapter is handed by the outbox.</summary>
internal sealed class VoiceReplyRendezvous(TimeProvider time) : ReplyRendezvous(time);
