using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfService.Messaging;
using SelfService.Speech;

namespace SelfService.Channels.Voice;

/// <summary>
/// Answers each call the telephony side hands it: the dialled number picks the entry, the trunk it came over says whether
/// the caller's number is theirs, the menu runs (<see cref="IvrCall"/>), and the call goes into the caller's timeline with
/// where they went, the keys they pressed and how it ended.
/// </summary>
public sealed partial class VoiceMenu
{
    private readonly IInboundSink _sink;
    private readonly VoiceReplyRendezvous _replies;
    private readonly VoicePrompts _prompts;
    private readonly CallTimeline _timeline;
    private readonly IReadOnlyList<ICallObserver> _observers;
    private readonly VoiceOptions _options;
    private readonly VoiceNumberPlan _plan;
    private readonly TrunkTrust _trust;
    private readonly MsisdnNormalizer _numbers = new();
    private readonly TimeProvider _time;
    private readonly ILogger<VoiceMenu> _logger;

    internal VoiceMenu(IInboundSink sink, VoiceReplyRendezvous replies, VoicePrompts prompts, CallTimeline timeline, IEnumerable<ICallObserver> observers,
        IOptions<VoiceOptions> options, TimeProvider time, ILogger<VoiceMenu> logger)
    {
        (_sink, _replies, _prompts, _timeline, _options, _time, _logger) = (sink, replies, prompts, timeline, options.Value, time, logger);
        _observers = [.. observers];
        _plan = new VoiceNumberPlan(_options.Numbers);
        _trust = new TrunkTrust(_options.TrustedTrunks);
    }

    /// <summary>Runs the call to its end (the caller's or the menu's hang-up) and says how it went.</summary>
    public async Task<CallRecord> HandleAsync(IVoiceCall call)
    {
        var started = _time.GetUtcNow();
        var caller = VoiceCaller.Of(call, _trust, _numbers);
        var entry = _plan.Find(call.Dialled);
        if (entry is null)
        {
            LogNotInService(call.Dialled, call.RemoteAddress.ToString());
            await EndQuietlyAsync(call, VoiceTexts.NotInService, _options.DefaultLanguage);
            return Ended(new CallRecord(call.Id, call.Dialled, caller.Channel, caller.SenderAddress, [], "", CallOutcome.NotInService, started,
                _time.GetUtcNow() - started));
        }

        // A stranger's language is the number's or the channel's (the menu starts in it); a customer's, their own unless the number sets one.
        var language = entry.Language ?? (caller.Msisdn is null ? _options.DefaultLanguage : null);
        var dialogue = new VoiceDialogue(_sink, _replies, call, caller, language, _options.AnswerTimeout, _time);
        var ivr = new IvrCall(call, entry, dialogue, _prompts, _options, trusted: caller.Msisdn is not null, entry.Language ?? _options.DefaultLanguage);
        CallOutcome outcome;
        try
        {
            outcome = await ivr.RunAsync(call.Ended);
        }
        catch (OperationCanceledException) when (call.Ended.IsCancellationRequested)
        {
            outcome = CallOutcome.HungUp;
        }
        catch (SpeechSynthesisException ex)
        {
            // Nothing can be said; the caller is not left in silence.
            LogSpeechFailed(ex, call.Id);
            await call.HangUpAsync(CancellationToken.None);
            outcome = CallOutcome.Failed;
        }
        var record = new CallRecord(call.Id, call.Dialled, caller.Channel, caller.SenderAddress, ivr.Path, ivr.Keys, outcome, started,
            _time.GetUtcNow() - started) { SendJitterMs = call.SendJitterMs, SendMaxLatenessMs = call.SendMaxLatenessMs };
        await _timeline.RecordAsync(record, dialogue.CustomerId);
        return Ended(record);
    }

    /// <summary>A call the caller gave up on before it was answered: counted and in the timeline, with no path.</summary>
    public async Task<CallRecord> AbandonedAsync(IVoiceCall call)
    {
        var caller = VoiceCaller.Of(call, _trust, _numbers);
        var record = new CallRecord(call.Id, call.Dialled, caller.Channel, caller.SenderAddress, [], "", CallOutcome.HungUp, _time.GetUtcNow(), TimeSpan.Zero);
        await _timeline.RecordAsync(record, customerId: null);
        return Ended(record);
    }

    private CallRecord Ended(CallRecord record)
    {
        LogEnded(record.CallId, record.Channel, record.Summary);
        VoiceMetrics.Record(record);
        foreach (var observer in _observers) observer.Ended(record);
        return record;
    }

    private async Task EndQuietlyAsync(IVoiceCall call, string text, string language)
    {
        try
        {
            await call.PlayAsync(await _prompts.PromptAsync(text, language, VoiceTexts.Get(text, language), call.Ended), interruptible: false, call.Ended);
            await call.HangUpAsync(call.Ended);
        }
        catch (OperationCanceledException) when (call.Ended.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A call to {Dialled} from {Address}: the number is not in the plan (Channels:Voice:Numbers)")]
    private partial void LogNotInService(string dialled, string address);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId} on {Channel}: {Summary}")]
    private partial void LogEnded(string callId, string channel, string summary);

    [LoggerMessage(Level = LogLevel.Error, Message = "Call {CallId}: the menu cannot speak; the call is ended")]
    private partial void LogSpeechFailed(Exception exception, string callId);
}

/// <summary>One call as the timeline and the figures keep it; <paramref name="Channel"/> says whether the caller's number was proven.</summary>
public sealed record CallRecord(
    string CallId, string Dialled, string Channel, string Sender, IReadOnlyList<string> Path, string Keys, CallOutcome Outcome, DateTimeOffset StartedAt,
    TimeSpan Duration)
{
    /// <summary>The RFC 3550 jitter of the audio the gateway sent in this call, in milliseconds: how steadily it kept the 20 ms pace.</summary>
    public double SendJitterMs { get; init; }

    /// <summary>The latest any of the call's packets went out against its schedule, in milliseconds: the worst moment, where the jitter is the trend.</summary>
    public double SendMaxLatenessMs { get; init; }

    /// <summary>The steps the caller took past the number they dialled: each pick, 0 and * included.</summary>
    public int Steps => Math.Max(0, Path.Count - 1);

    /// <summary>"0611: *100# → 1 Баланс; keys 1; Contained; 42 s".</summary>
    public string Summary => string.Create(CultureInfo.InvariantCulture,
        $"{Dialled}: {(Path.Count == 0 ? "—" : string.Join(" → ", Path))}; keys {(Keys.Length == 0 ? "—" : Keys)}; {Outcome}; {Duration.TotalSeconds:0} s");
}
