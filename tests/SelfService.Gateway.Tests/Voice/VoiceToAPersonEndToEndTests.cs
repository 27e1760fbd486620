using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SelfService.Channels.Voice;
using SelfService.Gateway.Tests.Desk;
using SelfService.Speech.Text;
using SelfService.Staff;
using SelfService.Storage.History;
using SelfService.Storage.Messages;
using SelfService.Testing;
using SelfService.Testing.Browser;
using SelfService.Testing.Peers;

namespace SelfService.Gateway.Tests.Voice;

/// <summary>
/// Callers who need a person (<see cref="PerlPhone"/>, over the loopback trunk). One never presses a key: the menu is said
/// again, then they are queued and offered a callback. One presses 0, hears their place in the queue and presses 1 to be
/// called back; the desk open in Chromium shows the callback as it is asked for, and the call's path; the agent takes it
/// and replies; the gateway calls the caller back over the trunk, where SIPp is the customer's phone: busy the first
/// time, answered when the outbox tries again, and the reply is spoken. Keys are waited for a second, and prompts said
/// once more at most, to keep the calls short.
/// </summary>
public class VoiceToAPersonEndToEndTests : VoiceGatewayTest
{
    private readonly int _trunkPort = Sipp.FreeUdpPort();   // the operator's trunk, where callbacks go: SIPp, started by the test

    protected override IDictionary<string, string?> VoiceSettings => new Dictionary<string, string?>
    {
        ["Channels:Voice:Numbers:0611:Menu"] = "*100#",
        ["Channels:Voice:Callback:Trunk"] = "127.0.0.1:" + _trunkPort,
        ["Channels:Voice:Callback:CallerId"] = "0611",
        ["Channels:Voice:Callback:RetryAfter"] = "00:00:01",
        ["Channels:Voice:KeyTimeout"] = "00:00:01",
        ["Channels:Voice:Replays"] = "1",
        ["Speech:WordsPerMinute"] = "400",   // real speech, spoken fast: shorter calls
    };

    [Test]
    public async Task NoKeyEver_TheMenuIsSaidAgainOnce_ThenTheCallerIsQueuedAndOfferedACallback_AndTheGatewayEndsTheCall()
    {
        using var folder = new TemporaryFolder();
        var recording = folder.File("heard.pcmu");

        await PerlPhone.CallAsync(SipEndPoint, "0611", Ivan, recording, Trunk, "wait-bye");

        var heard = await File.ReadAllBytesAsync(recording);
        var menu = await MuLawAsync(SpokenText.Menu("Северный Телеком", ["Баланс", "Услуги", "Подключить", "Отключить", "Оператор"], "ru")
            + " Чтобы поговорить с оператором, нажмите ноль.");
        var first = heard.AsSpan().IndexOf(menu);
        Assert.That(first, Is.GreaterThanOrEqualTo(0), "the menu");
        Assert.That(heard.AsSpan(first + menu.Length).IndexOf(menu), Is.GreaterThanOrEqualTo(0), "the menu again, after a second of silence");
        var waiting = await Http.GetFromJsonAsync<JsonElement>("/api/queue");
        var ticket = waiting.EnumerateArray().Select(w => w.GetProperty("ticket")).Single(t => t.GetProperty("channel").GetString() == "voice");
        Assert.That(ticket.GetProperty("topic").GetString(), Is.EqualTo("menu:main"), "queued for the menu the caller could not get through");
        Assert.That(ticket.GetProperty("callback").ValueKind, Is.EqualTo(JsonValueKind.Null), "offered, not asked for");
        var call = (await CallsAsync("voice", Ivan)).Single();
        Assert.That(call.Text, Does.StartWith("0611: *100# → 0; keys —; ToPerson;"));
    }

    [Test]
    public async Task ZeroThenOne_TheDeskHasTheCallback_AndTheAgentsReplyCallsTheCallerBackAndIsSpoken()
    {
        // An agent has the desk open in Chromium.
        const string password = "correct horse battery staple 7";
        await Gateway.Services.GetRequiredService<StaffAccounts>().CreateAsync("masha", password, [StaffRoles.Agent], "test");
        await using var chromium = await Chromium.LaunchAsync();
        var desk = await chromium.NewPageAsync(Http.BaseAddress!);
        await StaffBrowser.SignInAsync(desk, "masha", password, "/staff/desk");
        await Assertions.Expect(desk.Locator("body")).ToHaveAttributeAsync("data-live", "connected");

        // A caller who knows the menu: 0 as soon as it starts, 1 as soon as their place in the queue is being said.
        await PerlPhone.CallAsync(SipEndPoint, "0611", Ivan, null, Trunk, "heard:300", "dtmf:0", "heard:300", "dtmf:1", "wait-bye");
        await Assertions.Expect(desk.Locator("[data-test=callbacks]")).ToContainTextAsync(Ivan);   // arrived with no reload

        // The desk: a waiting conversation of the voice channel with a callback to make, routed by the menu the caller was in.
        var waiting = await Http.GetFromJsonAsync<JsonElement>("/api/queue");
        var ticket = waiting.EnumerateArray().Select(w => w.GetProperty("ticket")).Single(t => t.GetProperty("channel").GetString() == "voice");
        Assert.That(ticket.GetProperty("callback").GetProperty("number").GetString(), Is.EqualTo(Ivan));
        Assert.That(ticket.GetProperty("topic").GetString(), Is.EqualTo("menu:main"), "routed by the menu the caller was in");
        var call = (await CallsAsync("voice", Ivan)).Single();
        Assert.That(call.Text, Does.StartWith("0611: *100# → 0 → 1 CALLBACK; keys 01; CallbackBooked"));
        // Now that the call has ended, the desk lists the callback with what the menu tried.
        await desk.ReloadAsync();
        await Assertions.Expect(desk.Locator("[data-test=call-path]")).ToContainTextAsync("0611: *100# → 0 → 1 CALLBACK");
        var ticketId = ticket.GetProperty("id").GetString();
        await desk.GotoAsync("/staff/desk/" + ticketId);
        await Assertions.Expect(desk.Locator("[data-test=reply-by-call]")).ToContainTextAsync("шлюз перезвонит ему и зачитает ваш ответ");

        // The agent answers; the reply goes out on the caller's channel, which calls them back: first while they are busy.
        var (busy, _) = Sipp.StartAnswering(Scenario("customer-busy.xml"), _trunkPort);
        (await Http.PostAsync($"/api/queue/{ticketId}/take", null)).EnsureSuccessStatusCode();
        const string answer = "Иван, роуминг в Турции уже подключён, звонки стоят двадцать девять рублей в минуту.";
        using (var replied = await Http.PostAsJsonAsync($"/api/queue/{ticketId}/reply", new { text = answer }))
            Assert.That(replied.IsSuccessStatusCode, await replied.Content.ReadAsStringAsync());

        var busyVerdict = await busy.WaitAsync();
        Assert.That(busyVerdict.ExitCode, Is.Zero, $"the busy phone (SIPp): {busyVerdict.Output}\n{busyVerdict.Errors}");
        // Tried again after Callback:RetryAfter (a second here): now the phone rings and is answered.
        var (phone, _) = Sipp.StartAnswering(Scenario("customer-phone.xml"), _trunkPort);
        var verdict = await phone.WaitAsync();
        Assert.That(verdict.ExitCode, Is.Zero, $"the customer's phone (SIPp): {verdict.Output}\n{verdict.Errors}");
        var sent = (await Gateway.Services.GetRequiredService<IOutbox>().FindAsync("voice", Ivan, null, 10, CancellationToken.None)).Single(r => r.Text == answer);
        await WaitUntilAsync(async () => (await Gateway.Services.GetRequiredService<IOutbox>().GetAsync(sent.Id, CancellationToken.None))?.State == OutboxState.Sent,
            "the reply marked sent");
        HistoryEntry? callback = null;
        await WaitUntilAsync(async () => (callback = (await History.ForIdentityAsync("voice", Ivan, 50, CancellationToken.None))
            .FirstOrDefault(e => e.Subject == "call" && e.Outcome == nameof(CallOutcome.CalledBack))) is not null, "the callback in the timeline");
        Assert.That(callback!.Text, Does.StartWith(Ivan + ": callback; keys 1; CalledBack"), "the customer pressed 1 to hear it again");
        var attempts = (await History.ForIdentityAsync("voice", Ivan, 50, CancellationToken.None)).Where(e => e.Text.StartsWith(Ivan + ": callback", StringComparison.Ordinal));
        Assert.That(attempts.Select(e => e.Outcome), Is.EqualTo(new[] { nameof(CallOutcome.NotAnswered), nameof(CallOutcome.CalledBack) }),
            "both calls in the timeline: busy, then answered");
    }
}
