using System.Net;
using SelfService.Sip;
using SelfService.Speech;

namespace SelfService.Channels.Voice;

/// <summary>A SIP call (SelfService.Sip) as the voice menu sees it: prompts played over RTP, keys as RFC 4733 events or SIP INFO.</summary>
internal sealed class SipVoiceCall(SipCall call) : IVoiceCall
{
    public string Id => call.CallId;
    public string Dialled => call.DialledNumber;
    public string Caller => call.Caller;
    public IPAddress RemoteAddress => call.RemoteEndPoint.Address;
    public CancellationToken Ended => call.Ended;
    public double SendJitterMs => call.SendStatistics.JitterMs;
    public double SendMaxLatenessMs => call.SendStatistics.MaxLatenessMs;

    public async Task<char?> PlayAsync(VoicePrompt prompt, bool interruptible, CancellationToken cancellationToken)
    {
        var result = await call.PlayAsync(prompt.Samples, stopOnDigit: interruptible, cancellationToken);
        if (result == PlaybackResult.CallEnded) throw new OperationCanceledException("the caller hung up", call.Ended);
        // The key that stopped the prompt is waiting with the call's keys: it is this prompt's answer.
        return result == PlaybackResult.Interrupted ? await call.ReadDigitAsync(TimeSpan.FromSeconds(1), cancellationToken) : null;
    }

    public async Task<char?> ReadKeyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var key = await call.ReadDigitAsync(timeout, cancellationToken);
        if (key is null && call.Ended.IsCancellationRequested) throw new OperationCanceledException("the caller hung up", call.Ended);
        return key;
    }

    public Task<bool> TransferAsync(string target, CancellationToken cancellationToken) => call.TransferAsync(SipUri.Parse(target), cancellationToken);

    public Task HangUpAsync(CancellationToken cancellationToken) => call.HangUpAsync(cancellationToken);
}
