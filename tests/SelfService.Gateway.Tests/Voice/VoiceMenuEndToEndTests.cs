using Microsoft.Extensions.DependencyInjection;
using SelfService.Channels.Voice;
using SelfService.Provisioning;
using SelfService.Speech.Text;
using SelfService.Storage.History;
using SelfService.Storage.Messages;
using SelfService.Testing;

namespace SelfService.Gateway.Tests.Voice;

/// <summary>
/// The voice menu on the real host, called by a telephone of its own (<see cref="PerlPhone"/>) over SIP and RTP on
/// loopback, where 127.0.0.1 is the configured trunk and 127.0.0.2 is anywhere else. The phone records what it hears; the
/// test finds in that recording, byte for byte, the G.711 of the prompts the gateway synthesized, and reads the call in
/// the caller's timeline.
/// </summary>
public class VoiceMenuEndToEndTests : VoiceGatewayTest
{
    private const string Elsewhere = "127.0.0.2";   // loopback too, but not the trunk

    protected override IDictionary<string, string?> VoiceSettings => new Dictionary<string, string?>
    {
        ["Channels:Voice:Numbers:0611:Menu"] = "*100#",
        ["Channels:Voice:Numbers:0612:Action"] = "BAL",
        ["Channels:Voice:Numbers:0613:Action"] = "ACT ROAMING",
        // Real speech, spoken fast: the recordings are compared byte for byte all the same, and the calls are short.
        ["Speech:WordsPerMinute"] = "400",
    };

    [Test]
    public async Task MenuNumber_GreetingThenOneForBalance_TheCallerHearsBothPrompts_AndTheCallIsInTheTimeline()
    {
        using var folder = new TemporaryFolder();
        var recording = folder.File("heard.pcmu");

        var events = await CallAsync("0611", recording, Trunk, "prompt-end:700", "dtmf:1", "prompt-end:700", "bye");

        var heard = await File.ReadAllBytesAsync(recording);
        // The main menu of menus.json, as the voice menu says it, with the way to a person.
        var menu = SpokenText.Menu("Северный Телеком", ["Баланс", "Услуги", "Подключить", "Отключить", "Оператор"], "ru")
            + " Чтобы поговорить с оператором, нажмите ноль.";
        var greeting = await MuLawAsync(menu);
        var greetingAt = heard.AsSpan(0, events.RecordedAt("dtmf-sent")).IndexOf(greeting);
        Assert.That(greetingAt, Is.GreaterThanOrEqualTo(0), "the menu, whole, before the key");

        // The balance as the outbox handed it to the call (the voice form of the reply), read back from the store.
        var balanceReply = (await SentAsync("voice", Ivan)).Last();
        Assert.That(balanceReply, Does.Contain("аланс"));
        // After the menu (the gateway answers the key's first event packet, before the caller has sent its last).
        var balance = await MuLawAsync(SpokenText.Answer(balanceReply, "ru"));
        Assert.That(heard.AsSpan(greetingAt + greeting.Length).IndexOf(balance), Is.GreaterThanOrEqualTo(0), "the balance, whole, after the menu");

        var call = (await CallsAsync("voice", Ivan)).Single();
        Assert.That(call.Text, Does.StartWith("0611: *100# → 1 Баланс; keys 1;"));
        Assert.That(call.CustomerId, Is.Not.Null, "over the trusted trunk the caller is the number's customer");
    }

    [Test]
    public async Task BalanceNumber_CalledFromOutsideTheTrustedTrunks_TheCallerIsPolitelyRefused_AndHearsNoBalance()
    {
        using var folder = new TemporaryFolder();
        var recording = folder.File("heard.pcmu");

        await CallAsync("0612", recording, Elsewhere, "wait-bye");

        // Ivan's number, shown by a stranger: the unproven channel, whose sender is the SIP address, not the MSISDN.
        const string stranger = "sip:" + Ivan + "@" + Elsewhere;
        var refusal = (await SentAsync("voice-unproven", stranger)).Single();
        Assert.That(refusal, Does.Not.Contain("350"), "no balance for a number nobody vouched for");
        var heard = await File.ReadAllBytesAsync(recording);
        var said = await MuLawAsync(SpokenText.Answer(refusal, "ru"));
        Assert.That(heard.AsSpan().IndexOf(said), Is.GreaterThanOrEqualTo(0), "the refusal is said, whole: " + refusal);
        Assert.That(await SentAsync("voice", Ivan), Is.Empty, "nothing went to the number's owner");

        var call = (await CallsAsync("voice-unproven", stranger)).Single();
        Assert.That(call.CustomerId, Is.Null);
        Assert.That(call.Outcome, Is.EqualTo(nameof(CallOutcome.Contained)));
    }

    [Test]
    public async Task RoamingNumber_CallerConfirmsAndHangsUpAtOnce_TheChangeIsMadeWholeAndOnce()
    {
        var before = await SubscriberAsync();
        Assert.That(before.Services.Select(s => s.Code), Does.Not.Contain("ROAMING"));

        // The processor asks (yes 1, no 2); the caller presses 1 and hangs up before the answer can be spoken.
        await CallAsync("0613", null, Trunk, "prompt-end:700", "dtmf:1", "pause:150", "bye");

        var call = (await CallsAsync("voice", Ivan)).Single();
        Assert.That(call.Outcome, Is.EqualTo(nameof(CallOutcome.HungUp)));
        Assert.That(call.Text, Does.StartWith("0613: ACT ROAMING → 1 "));
        // Made whole: on the account, and in the timeline with its answer (there for the caller to read later), once.
        await WaitUntilAsync(async () => (await SubscriberAsync()).Services.Any(s => s.Code == "ROAMING" && s.State == ServiceState.Active), "roaming on");
        var history = await History.ForIdentityAsync("voice", Ivan, 50, CancellationToken.None);
        Assert.That(history.Where(e => e.Kind == HistoryKind.Inbound).Select(e => e.Text), Is.EqualTo(new[] { "ACT ROAMING", "1" }));
        await WaitUntilAsync(async () => (await SentAsync("voice", Ivan)).Count == 2, "the question and the answer, each stored once");
    }

    [Test]
    public async Task MenuNumber_CallerHangsUpMidPrompt_TheCallEndsAsHungUp()
    {
        await CallAsync("0611", null, Trunk, "heard:400", "bye");

        var call = (await CallsAsync("voice", Ivan)).Single();
        Assert.That(call.Outcome, Is.EqualTo(nameof(CallOutcome.HungUp)));
        Assert.That(call.Text, Does.StartWith("0611: *100#; keys —; HungUp;"));
    }

    [Test]
    public async Task UnknownNumber_IsToldSo_AndTheGatewayHangsUp()
    {
        var events = await CallAsync("0699", null, Trunk, "wait-bye");

        Assert.That(events.Names, Does.Contain("peer-bye"));
    }

    private Task<CallEvents> CallAsync(string number, string? recording, string from, params string[] steps) =>
        PerlPhone.CallAsync(SipEndPoint, number, Ivan, recording, from, steps);

    private async Task<SubscriberAccount> SubscriberAsync() =>
        (await Gateway.Services.GetRequiredService<IProvisioningBackend>().FindSubscriberAsync(Ivan, CancellationToken.None))!;

    /// <summary>The texts the outbox handed the voice channel for <paramref name="address"/>, oldest first.</summary>
    private async Task<List<string>> SentAsync(string channel, string address) =>
        [.. (await Gateway.Services.GetRequiredService<IOutbox>().FindAsync(channel, address, null, 10, CancellationToken.None)).OrderBy(r => r.CreatedAt).Select(r => r.Text)];
}
