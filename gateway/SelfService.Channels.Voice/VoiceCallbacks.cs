using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfService.Messaging;
using SelfService.Messaging.Text;
using SelfService.Sip;
using SelfService.Speech;
using SelfService.Speech.Text;

namespace SelfService.Channels.Voice;

/// <summary>
/// Reaches a caller after their call: an agent's reply to someone who phoned (they asked to be called back, or hung up
/// waiting) is spoken to them in a call the gateway places over the operator's trunk, and they may press 1 to hear it
/// again. Busy or no answer: the outbox tries again later, after <see cref="VoiceCallbackOptions.RetryAfter"/>. At most
/// <see cref="VoiceCallbackOptions.MaxCalls"/> at once; the others wait their turn in the outbox.
/// </summary>
internal sealed partial class VoiceCallbacks(
    VoiceSipService sip, VoicePrompts prompts, CallTimeline timeline, IOptions<VoiceOptions> options, TimeProvider time, ILogger<VoiceCallbacks> logger) : IDisposable
{
    private const char AgainKey = '1';
    private const string CallbackStep = "callback";

    // SIP answers that mean "not now" rather than "never": no answer, unavailable, busy (here or everywhere), declined,
    // and the trunk's own overload.
    private static readonly HashSet<int> TryLater =
        [SipStatus.RequestTimeout, SipStatus.TemporarilyUnavailable, SipStatus.BusyHere, SipStatus.RequestTerminated, SipStatus.ServiceUnavailable, 600, SipStatus.Decline];

    private readonly SemaphoreSlim _lines = new(options.Value.Callback.MaxCalls);

    public async Task<SendResult> DeliverAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value.Callback;
        if (string.IsNullOrWhiteSpace(settings.Trunk))
            return SendResult.Fail("calling back is not configured (Channels:Voice:Callback:Trunk), so a reply cannot reach a caller");
        if (!await _lines.WaitAsync(TimeSpan.Zero, cancellationToken)) return SendResult.Retry("every callback line is in use", TimeSpan.FromSeconds(30));
        try
        {
            return await CallAsync(message, settings, cancellationToken);
        }
        finally
        {
            _lines.Release();
        }
    }

    private async Task<SendResult> CallAsync(OutboundMessage message, VoiceCallbackOptions settings, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        var language = TextLanguage.Of(message.Text);
        // Everything to say is ready before the number is dialled: whoever answers does not wait in silence.
        var intro = await SayAsync(VoiceTexts.CallbackIntro, language, cancellationToken);
        var reply = await prompts.SpeakAsync(SpokenText.Answer(message.Text, language), language, cancellationToken);
        var hearAgain = await SayAsync(VoiceTexts.HearAgain, language, cancellationToken);
        var goodbye = await SayAsync(VoiceTexts.Goodbye, language, cancellationToken);

        SipCall placed;
        try
        {
            placed = await sip.CallAsync(SipUri.Parse($"sip:{message.Address}@{settings.Trunk}"), VoiceNumberPlan.Normalize(settings.CallerId), cancellationToken);
        }
        catch (SipCallFailedException ex)
        {
            LogNotAnswered(message.Id, ex.StatusCode, ex.ReasonPhrase ?? "");
            await RecordAsync(message, message.Id + "@" + started.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), "", CallOutcome.NotAnswered, started);
            var why = $"the callback to {message.Address} was not answered: {ex.StatusCode} {ex.ReasonPhrase}";
            return TryLater.Contains(ex.StatusCode) ? SendResult.Retry(why, settings.RetryAfter) : SendResult.Fail(why);
        }

        var call = new SipVoiceCall(placed);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, call.Ended);
        var keys = new StringBuilder();
        CallOutcome outcome;
        try
        {
            await call.PlayAsync(intro, interruptible: false, linked.Token);
            for (var played = 0; ; played++)
            {
                await call.PlayAsync(reply, interruptible: false, linked.Token);
                if (played == options.Value.Replays) break;
                var key = await call.PlayAsync(hearAgain, interruptible: true, linked.Token) ?? await call.ReadKeyAsync(options.Value.KeyTimeout, linked.Token);
                if (key is { } pressed) keys.Append(pressed);
                if (key != AgainKey) break;
            }
            await call.PlayAsync(goodbye, interruptible: false, linked.Token);
            await call.HangUpAsync(CancellationToken.None);
            outcome = CallOutcome.CalledBack;
        }
        catch (OperationCanceledException) when (call.Ended.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // They answered and hung up while it was spoken: what they heard, they heard; the reply is not read to them twice.
            outcome = CallOutcome.HungUp;
        }
        catch (OperationCanceledException)
        {
            await call.HangUpAsync(CancellationToken.None);   // the gateway is stopping: the outbox sends it again after the restart
            throw;
        }
        await RecordAsync(message, call.Id, keys.ToString(), outcome, started, call);
        return SendResult.Sent;
    }

    public void Dispose() => _lines.Dispose();

    private Task<VoicePrompt> SayAsync(string key, string language, CancellationToken cancellationToken) =>
        prompts.PromptAsync(key, language, VoiceTexts.Get(key, language), cancellationToken);

    private async Task RecordAsync(OutboundMessage message, string callId, string keys, CallOutcome outcome, DateTimeOffset started, IVoiceCall? call = null)
    {
        VoiceMetrics.RecordCallback(outcome);
        var record = new CallRecord(callId, message.Address, ChannelNames.Voice, message.Address, [CallbackStep], keys, outcome, started,
            time.GetUtcNow() - started) { SendJitterMs = call?.SendJitterMs ?? 0, SendMaxLatenessMs = call?.SendMaxLatenessMs ?? 0 };
        await timeline.RecordAsync(record, message.CustomerId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Callback for {MessageId}: not answered ({Status} {Reason}); the outbox tries again later")]
    private partial void LogNotAnswered(string messageId, int status, string reason);
}
