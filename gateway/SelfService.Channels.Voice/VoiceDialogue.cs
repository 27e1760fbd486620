using SelfService.Messaging;

namespace SelfService.Channels.Voice;

/// <summary>
/// The call's inputs as messages of the voice channel, one session per call: stored by the pipeline (so each is in the
/// customer's history, and runs once however often it is redelivered) and answered through the outbox, whose reply the
/// voice adapter hands back here.
/// </summary>
internal sealed class VoiceDialogue(IInboundSink sink, VoiceReplyRendezvous replies, IVoiceCall call, VoiceCaller caller, string? language,
    TimeSpan answerTimeout, TimeProvider time) : IVoiceDialogue
{
    private int _turn;

    /// <summary>The caller's customer, once a reply names one (a caller over a trusted trunk whose number is a customer's).</summary>
    public string? CustomerId { get; private set; }

    public async Task<OutboundMessage?> AskAsync(string input, CancellationToken cancellationToken)
    {
        var turn = Interlocked.Increment(ref _turn).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var message = InboundMessage.Received(caller.Channel, call.Id + ":" + turn, caller.SenderAddress, input, call.Id, time.GetUtcNow(), language)
            with { ClientAddress = call.RemoteAddress.ToString() };
        replies.Expect(message.Id);
        // A key pressed is the caller's word, as a sent SMS is: stored and run whole even if they hang up the moment after
        // (the result is in their timeline), never half-taken because the call ended while it was being stored.
        var accepted = await sink.AcceptAsync(message, CancellationToken.None);
        var reply = await replies.WaitAsync(accepted.MessageId, answerTimeout, cancellationToken);
        CustomerId = reply?.CustomerId ?? CustomerId;
        return reply;
    }
}
