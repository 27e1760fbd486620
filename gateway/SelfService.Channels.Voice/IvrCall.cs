using System.Text;
using SelfService.Messaging.Text;
using SelfService.Speech;
using SelfService.Speech.Text;

namespace SelfService.Channels.Voice;

/// <summary>
/// One call through the voice menu, from the answer to the hang-up. Every key the caller presses is a message to the
/// command processor (the dialled menu's service code first, or the special number's action code), and its reply is
/// spoken: a reply with choices is a menu ("for Balance, press one"), one without is an answer. A timeout or a wrong key
/// plays the prompt again, at most <see cref="VoiceOptions.Replays"/> times; then, or on 0, the caller is handed to a
/// person: transferred to the contact centre where there is one, else told their place in the queue and offered a
/// callback.
/// </summary>
internal sealed class IvrCall(IVoiceCall call, VoiceNumber entry, IVoiceDialogue dialogue, VoicePrompts prompts, VoiceOptions options, bool trusted,
    string language)
{
    // Action codes of the catalogue (samples/operator/actions.json), sent as a caller on any channel could write them.
    private const string AskForPerson = "AGENT";
    private const string AskForCallback = "CALLBACK";
    private const string Confirmation = "YES";
    private const char PersonKey = '0', BackKey = '*', ConfirmKey = '1', CancelKey = '2', CallbackKey = '1';

    private readonly List<string> _path = [];
    private readonly StringBuilder _keys = new();
    private string _language = language;

    /// <summary>Where the caller went, in order: the entry, then each pick ("1 Баланс").</summary>
    public IReadOnlyList<string> Path => _path;

    /// <summary>Every key the caller pressed, right or wrong.</summary>
    public string Keys => _keys.ToString();

    public async Task<CallOutcome> RunAsync(CancellationToken cancellationToken)
    {
        _path.Add(entry.Menu ?? entry.Action!);
        if (entry.Action is { } action && entry.Confirm)
        {
            var answer = await AskKeyAsync(() => SayAsync(VoiceTexts.Confirm, cancellationToken), [ConfirmKey, CancelKey], cancellationToken);
            if (answer != ConfirmKey) return await EndAsync(VoiceTexts.Cancelled, CallOutcome.Contained, cancellationToken);
            return await WalkAsync(action, confirmed: true, cancellationToken);
        }
        return await WalkAsync(entry.Menu ?? entry.Action!, confirmed: false, cancellationToken);
    }

    /// <summary>
    /// Sends the caller's input to the processor and speaks its reply, until the call is answered or handed on;
    /// <paramref name="confirmed"/>: the caller has confirmed the action with the key already.
    /// </summary>
    private async Task<CallOutcome> WalkAsync(string input, bool confirmed, CancellationToken cancellationToken)
    {
        while (true)
        {
            var reply = await dialogue.AskAsync(input, cancellationToken);
            if (reply is null) return await EndAsync(VoiceTexts.Unavailable, CallOutcome.Failed, cancellationToken);
            if (confirmed && reply.Choices.Count > 0)
            {
                // The processor asks its own question before a change (AccessPolicies' Confirm: "ACT ROAMING?", YES/NO);
                // the caller has just answered it with the key, and is not asked twice.
                (input, confirmed) = (Confirmation, false);
                continue;
            }
            _language = TextLanguage.Of(reply.Text);
            var spoken = SpokenText.Answer(reply.Text, _language);

            if (reply.Choices.Count == 0)
            {
                // An answer. A special number's call ends with it; a menu's offers the way back.
                var pressed = await call.PlayAsync(await prompts.SpeakAsync(spoken, _language, cancellationToken), interruptible: entry.Menu is not null,
                    cancellationToken);
                if (entry.Menu is null) return await EndAsync(VoiceTexts.Goodbye, CallOutcome.Contained, cancellationToken);
                if (pressed is { } early) _keys.Append(early);
                var back = pressed == BackKey ? BackKey : await AskKeyAsync(() => SayAsync(VoiceTexts.BackToMenu, cancellationToken), [BackKey], cancellationToken);
                if (back != BackKey) return await EndAsync(VoiceTexts.Goodbye, CallOutcome.Contained, cancellationToken);
                _path.Add(BackKey.ToString());
                input = entry.Menu;
                continue;
            }

            var keys = Enumerable.Range(1, Math.Min(reply.Choices.Count, 9)).Select(i => (char)('0' + i)).Append(PersonKey).ToList();
            var menu = SpokenText.Menu(spoken, reply.Choices.Take(9), _language) + " " + VoiceTexts.Get(VoiceTexts.OfferPerson, _language);
            var key = await AskKeyAsync(async () => await prompts.SpeakAsync(menu, _language, cancellationToken), keys, cancellationToken);
            if (key is null or PersonKey) return await ToPersonAsync(cancellationToken);
            _path.Add(key.Value + " " + reply.Choices[key.Value - '1']);
            input = key.Value.ToString();
        }
    }

    /// <summary>
    /// Plays the prompt and takes a key among <paramref name="valid"/>: a key pressed during the prompt cuts it short; a
    /// timeout or a wrong key plays it again, at most <see cref="VoiceOptions.Replays"/> times. Null when none came right.
    /// </summary>
    private async Task<char?> AskKeyAsync(Func<Task<VoicePrompt>> prompt, IReadOnlyCollection<char> valid, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt <= options.Replays; attempt++)
        {
            var key = await call.PlayAsync(await prompt(), interruptible: true, cancellationToken)
                ?? await call.ReadKeyAsync(options.KeyTimeout, cancellationToken);
            if (key is not { } pressed) continue;
            _keys.Append(pressed);
            if (valid.Contains(pressed)) return pressed;
            await call.PlayAsync(await SayAsync(VoiceTexts.WrongKey, cancellationToken), interruptible: true, cancellationToken);
        }
        return null;
    }

    /// <summary>
    /// To a person: the processor queues the caller (the menu they were in is the routing topic) and says their place and
    /// wait; then the call goes to the contact centre, or the caller may ask to be called back.
    /// </summary>
    private async Task<CallOutcome> ToPersonAsync(CancellationToken cancellationToken)
    {
        _path.Add(PersonKey.ToString());
        var queued = await dialogue.AskAsync(AskForPerson, cancellationToken);
        if (queued is null) return await EndAsync(VoiceTexts.Unavailable, CallOutcome.Failed, cancellationToken);
        _language = TextLanguage.Of(queued.Text);
        if (!string.IsNullOrWhiteSpace(options.ContactCentre))
        {
            await call.PlayAsync(await SayAsync(VoiceTexts.Transferring, cancellationToken), interruptible: false, cancellationToken);
            if (await call.TransferAsync(options.ContactCentre, cancellationToken)) return CallOutcome.Transferred;
        }
        var early = await call.PlayAsync(await prompts.SpeakAsync(SpokenText.Answer(queued.Text, _language), _language, cancellationToken), interruptible: true,
            cancellationToken);
        // A callback goes to the number the call came from: only one the network vouches for.
        if (!trusted) return await EndAsync(VoiceTexts.Goodbye, CallOutcome.ToPerson, cancellationToken);
        if (early is { } typedAhead) _keys.Append(typedAhead);
        // Callers who have been here before press 1 while their place in the queue is still being said.
        var wants = early == CallbackKey ? early : await AskKeyAsync(() => SayAsync(VoiceTexts.OfferCallback, cancellationToken), [CallbackKey], cancellationToken);
        if (wants != CallbackKey) return await EndAsync(VoiceTexts.Goodbye, CallOutcome.ToPerson, cancellationToken);
        _path.Add(CallbackKey + " " + AskForCallback);
        var booked = await dialogue.AskAsync(AskForCallback, cancellationToken);
        if (booked is null) return await EndAsync(VoiceTexts.Unavailable, CallOutcome.Failed, cancellationToken);
        await call.PlayAsync(await prompts.SpeakAsync(SpokenText.Answer(booked.Text, _language), _language, cancellationToken), interruptible: false, cancellationToken);
        return await EndAsync(VoiceTexts.Goodbye, CallOutcome.CallbackBooked, cancellationToken);
    }

    private async Task<CallOutcome> EndAsync(string text, CallOutcome outcome, CancellationToken cancellationToken)
    {
        await call.PlayAsync(await SayAsync(text, cancellationToken), interruptible: false, cancellationToken);
        await call.HangUpAsync(cancellationToken);
        return outcome;
    }

    /// <summary>One of the channel's own sentences: an operator's recording of it where there is one, else synthesized.</summary>
    private Task<VoicePrompt> SayAsync(string key, CancellationToken cancellationToken) =>
        prompts.PromptAsync(key, _language, VoiceTexts.Get(key, _language), cancellationToken);
}

/// <summary>What the voice menu needs of the command processor: the caller's input in, its reply out (null: none in time).</summary>
internal interface IVoiceDialogue
{
    Task<OutboundMessage?> AskAsync(string input, CancellationToken cancellationToken);
}

/// <summary>How a call ended, for the timeline and the figures (containment is the share that needed no person).</summary>
public enum CallOutcome
{
    /// <summary>Answered by the menu alone.</summary>
    Contained,

    /// <summary>Queued for a person (on 0 or after repeated failures), and not transferred.</summary>
    ToPerson,

    /// <summary>Handed to the contact centre.</summary>
    Transferred,

    /// <summary>Queued, and a callback booked.</summary>
    CallbackBooked,

    /// <summary>The caller hung up before the menu was done.</summary>
    HungUp,

    /// <summary>The dialled number is no entry of the plan.</summary>
    NotInService,

    /// <summary>The processor did not answer in time.</summary>
    Failed,

    /// <summary>A call the gateway placed (a callback) was answered, and the reply spoken.</summary>
    CalledBack,

    /// <summary>A call the gateway placed was not answered (busy, no answer, refused).</summary>
    NotAnswered,
}
