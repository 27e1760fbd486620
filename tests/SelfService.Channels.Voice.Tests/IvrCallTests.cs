using Microsoft.Extensions.Logging.Abstractions;
using SelfService.Speech;
using static SelfService.Channels.Voice.Tests.ScriptedCall;

namespace SelfService.Channels.Voice.Tests;

/// <summary>
/// The voice menu's own logic, with a scripted caller and scripted processor replies; what it says is synthesized for real
/// (espeak-ng, which the test command installs). The call over SIP and the real processor are the end-to-end tests' part.
/// </summary>
public class IvrCallTests
{
    private const string Trunk = "192.0.2.7";
    private static readonly VoicePrompts Prompts = VoicePrompts.Create(new SpeechOptions(), NullLoggerFactory.Instance);
    private static readonly string[] MainMenu = ["Баланс", "Услуги", "Подключить"];

    private VoiceOptions _options = null!;

    [SetUp]
    public void Configure() => _options = new VoiceOptions { Enabled = true, KeyTimeout = TimeSpan.FromSeconds(1), Replays = 2 };

    [Test]
    public async Task Menu_OneForBalance_AnswerSpoken_NoWayBackTaken_EndsContained()
    {
        using var call = new ScriptedCall("0611", "+79161234567", Trunk, Press('1'), Silence(), Silence(), Silence());
        var dialogue = new ScriptedDialogue(("Северный Телеком", MainMenu), ("Ваш баланс: 120.50 RUB.", []));

        var (outcome, ivr) = await RunAsync(call, new VoiceNumber { Menu = "*100#" }, dialogue);

        Assert.That(outcome, Is.EqualTo(CallOutcome.Contained));
        Assert.That(dialogue.Inputs, Is.EqualTo(new[] { "*100#", "1" }), "the service code opens the menu, the key picks");
        Assert.That(ivr.Path, Is.EqualTo(new[] { "*100#", "1 Баланс" }));
        Assert.That(ivr.Keys, Is.EqualTo("1"));
        Assert.That(call.HungUpByGateway, Is.True);
        // The menu, the answer, the way back offered three times (no key), goodbye.
        Assert.That(call.Played, Has.Count.EqualTo(6));
    }

    [Test]
    public async Task Menu_KeyPressedDuringTheMenu_CutsItShort_StarAfterTheAnswer_GoesBackToTheMenu()
    {
        using var call = new ScriptedCall("0611", "+79161234567", Trunk, PressDuringPrompt('1'), PressDuringPrompt('*'), PressDuringPrompt('2'));
        var dialogue = new ScriptedDialogue(("Северный Телеком", MainMenu), ("Ваш баланс: 120.50 RUB.", []), ("Северный Телеком", MainMenu),
            ("Роуминг включён.", []));

        var (outcome, ivr) = await RunAsync(call, new VoiceNumber { Menu = "*100#" }, dialogue);

        Assert.That(outcome, Is.EqualTo(CallOutcome.HungUp), "after the second answer the caller hangs up at the way back");
        Assert.That(dialogue.Inputs, Is.EqualTo(new[] { "*100#", "1", "*100#", "2" }));
        Assert.That(ivr.Path, Is.EqualTo(new[] { "*100#", "1 Баланс", "*", "2 Услуги" }));
    }

    [Test]
    public async Task Menu_WrongKeysAndSilence_PlayItThreeTimes_ThenQueueForAPerson_AndOfferACallback()
    {
        using var call = new ScriptedCall("0611", "+79161234567", Trunk, Press('7'), Silence(), Press('#'), Press('1'));
        var dialogue = new ScriptedDialogue(("Северный Телеком", MainMenu), ("Вам ответит оператор. Ваш номер в очереди: 2.", []),
            ("Перезвоним на +7916***4567.", []));

        var (outcome, ivr) = await RunAsync(call, new VoiceNumber { Menu = "*100#" }, dialogue);

        Assert.That(outcome, Is.EqualTo(CallOutcome.CallbackBooked));
        Assert.That(dialogue.Inputs, Is.EqualTo(new[] { "*100#", "AGENT", "CALLBACK" }), "repeated failures reach a person");
        Assert.That(ivr.Keys, Is.EqualTo("7#1"));
        Assert.That(ivr.Path, Is.EqualTo(new[] { "*100#", "0", "1 CALLBACK" }));
    }

    [Test]
    public async Task Menu_Zero_ThenOneWhileThePlaceInTheQueueIsSaid_BooksTheCallback_WithoutWaitingForTheOffer()
    {
        using var call = new ScriptedCall("0611", "+79161234567", Trunk, Press('0'), PressDuringPrompt('1'));
        var dialogue = new ScriptedDialogue(("Северный Телеком", MainMenu), ("Вам ответит оператор. Ваш номер в очереди: 2.", []),
            ("Перезвоним на +7916***4567.", []));

        var (outcome, ivr) = await RunAsync(call, new VoiceNumber { Menu = "*100#" }, dialogue);

        Assert.That(outcome, Is.EqualTo(CallOutcome.CallbackBooked));
        Assert.That(dialogue.Inputs, Is.EqualTo(new[] { "*100#", "AGENT", "CALLBACK" }));
        Assert.That(ivr.Keys, Is.EqualTo("01"));
        // The menu, the place in the queue (cut short), the booking, goodbye: the offer was not needed.
        Assert.That(call.Played, Has.Count.EqualTo(4));
    }

    [Test]
    public async Task Menu_Zero_WithAContactCentre_IsQueuedThenTransferred()
    {
        _options.ContactCentre = "sip:queue@cc.example";
        using var call = new ScriptedCall("0611", "+79161234567", Trunk, Press('0'));
        var dialogue = new ScriptedDialogue(("Северный Телеком", MainMenu), ("Вам ответит оператор.", []));

        var (outcome, _) = await RunAsync(call, new VoiceNumber { Menu = "*100#" }, dialogue);

        Assert.That(outcome, Is.EqualTo(CallOutcome.Transferred));
        Assert.That(call.TransferredTo, Is.EqualTo(new[] { "sip:queue@cc.example" }));
        Assert.That(dialogue.Inputs, Is.EqualTo(new[] { "*100#", "AGENT" }), "the ticket is opened, with the menu as its topic, before the transfer");
        Assert.That(call.HungUpByGateway, Is.False, "a transferred call is the contact centre's");
    }

    [Test]
    public async Task Zero_FromAnUntrustedAddress_IsQueued_ButNoCallbackIsOffered()
    {
        using var call = new ScriptedCall("0611", "+79161234567", "203.0.113.9", Press('0'), Press('1'));
        var dialogue = new ScriptedDialogue(("Северный Телеком", MainMenu), ("Вам ответит оператор.", []));

        var (outcome, _) = await RunAsync(call, new VoiceNumber { Menu = "*100#" }, dialogue, trusted: false);

        Assert.That(outcome, Is.EqualTo(CallOutcome.ToPerson));
        Assert.That(dialogue.Inputs, Does.Not.Contain("CALLBACK"), "a number the network does not vouch for is called back by nobody");
    }

    [Test]
    public async Task SpecialNumber_ConfirmedWithOne_RunsTheActionOnce_AndHangsUp()
    {
        using var call = new ScriptedCall("0613", "+79161234567", Trunk, Press('1'));
        var dialogue = new ScriptedDialogue(("Роуминг подключён.", []));

        var (outcome, ivr) = await RunAsync(call, new VoiceNumber { Action = "ACT ROAMING", Confirm = true }, dialogue);

        Assert.That(outcome, Is.EqualTo(CallOutcome.Contained));
        Assert.That(dialogue.Inputs, Is.EqualTo(new[] { "ACT ROAMING" }));
        Assert.That(ivr.Path, Is.EqualTo(new[] { "ACT ROAMING" }));
        Assert.That(call.HungUpByGateway, Is.True);
    }

    [Test]
    public async Task SpecialNumber_ConfirmedWithOne_TheProcessorsOwnQuestionIsAnsweredYes_NotAskedAgain()
    {
        using var call = new ScriptedCall("0613", "+79161234567", Trunk, Press('1'));
        // As the real processor answers ACT (AccessPolicies:Commands:ACT:Confirm): a question with YES/NO, then the change.
        var dialogue = new ScriptedDialogue(("Подключить «Роуминг»? Ответьте ДА в течение 5 мин или НЕТ.", ["ДА", "НЕТ"]), ("Роуминг подключён.", []));

        var (outcome, ivr) = await RunAsync(call, new VoiceNumber { Action = "ACT ROAMING", Confirm = true }, dialogue);

        Assert.That(outcome, Is.EqualTo(CallOutcome.Contained));
        Assert.That(dialogue.Inputs, Is.EqualTo(new[] { "ACT ROAMING", "YES" }), "the caller's 1 answers the processor's question");
        Assert.That(ivr.Keys, Is.EqualTo("1"));
        // The confirmation, the result, goodbye: no YES/NO menu read to the caller.
        Assert.That(call.Played, Has.Count.EqualTo(3));
    }

    [TestCase('2')]
    [TestCase(null)]
    public async Task SpecialNumber_NotConfirmed_ChangesNothing(char? key)
    {
        using var call = new ScriptedCall("0613", "+79161234567", Trunk, new Step(key), new Step(key), new Step(key));
        var dialogue = new ScriptedDialogue(("Роуминг подключён.", []));

        var (outcome, _) = await RunAsync(call, new VoiceNumber { Action = "ACT ROAMING", Confirm = true }, dialogue);

        Assert.That(outcome, Is.EqualTo(CallOutcome.Contained));
        Assert.That(dialogue.Inputs, Is.Empty, "nothing reaches the processor without the confirming key");
    }

    [Test]
    public async Task SpecialNumber_TheCallerHangsUpAtTheConfirmation_NothingIsSent()
    {
        using var call = new ScriptedCall("0613", "+79161234567", Trunk);
        var dialogue = new ScriptedDialogue(("Роуминг подключён.", []));

        var (outcome, _) = await RunAsync(call, new VoiceNumber { Action = "ACT ROAMING", Confirm = true }, dialogue);

        Assert.That(outcome, Is.EqualTo(CallOutcome.HungUp));
        Assert.That(dialogue.Inputs, Is.Empty);
    }

    [Test]
    public async Task NoAnswerFromTheProcessor_ApologizesAndHangsUp()
    {
        using var call = new ScriptedCall("0612", "+79161234567", Trunk);
        var dialogue = new ScriptedDialogue();

        var (outcome, _) = await RunAsync(call, new VoiceNumber { Action = "BAL" }, dialogue);

        Assert.That(outcome, Is.EqualTo(CallOutcome.Failed));
        Assert.That(call.HungUpByGateway, Is.True);
        Assert.That(call.Played, Has.Count.EqualTo(1));
    }

    [Test]
    public void Caller_OverATrustedTrunk_IsTheirNumber_FromElsewhere_AStrangerAtThatAddress()
    {
        var trust = new TrunkTrust([Trunk]);
        using var trunkCall = new ScriptedCall("0612", "89161234567", Trunk);
        using var strangerCall = new ScriptedCall("0612", "+79161234567;evil=<x>", "203.0.113.9");

        var trusted = VoiceCaller.Of(trunkCall, trust, new());
        var stranger = VoiceCaller.Of(strangerCall, trust, new());

        Assert.That(trusted, Is.EqualTo(new VoiceCaller("voice", "+79161234567", "+79161234567")));
        Assert.That(stranger, Is.EqualTo(new VoiceCaller("voice-unproven", "sip:+79161234567evilx@203.0.113.9", null)));
    }

    private async Task<(CallOutcome Outcome, IvrCall Ivr)> RunAsync(ScriptedCall call, VoiceNumber entry, ScriptedDialogue dialogue, bool trusted = true)
    {
        var ivr = new IvrCall(call, entry, dialogue, Prompts, _options, trusted, "ru");
        try
        {
            return (await ivr.RunAsync(call.Ended), ivr);
        }
        catch (OperationCanceledException) when (call.Ended.IsCancellationRequested)
        {
            return (CallOutcome.HungUp, ivr);
        }
    }
}
