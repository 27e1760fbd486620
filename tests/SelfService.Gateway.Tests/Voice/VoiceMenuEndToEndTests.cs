using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SelfService.Channels.Voice;
using SelfService.Gateway.Tests.Infrastructure;
using SelfService.Sip;
using SelfService.Speech;
using SelfService.Speech.Text;
using SelfService.Storage.History;
using SelfService.Storage.Messages;
using SelfService.Testing;

namespace SelfService.Gateway.Tests.Voice;

/// <summary>
/// The voice menu on the real host, called by a telephone of its own: Net::SIP in Perl (tests/peers/sip/caller.pl,
/// Debian's libnet-sip-perl), over SIP and RTP on loopback, which is the configured trunk. The caller records what it
/// hears; the test finds in that recording, byte for byte, the G.711 of the prompts the gateway synthesized (espeak-ng
/// gives the same samples for the same text), and reads the call in the caller's timeline.
/// </summary>
public class VoiceMenuEndToEndTests : LoopbackGatewayTest
{
    private const string Ivan = "+79161234567";   // a sample subscriber (samples/operator/subscribers.json)

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Channels:Voice:Enabled"] = "true",
        ["Channels:Voice:Sip:Port"] = "0",
        ["Channels:Voice:TrustedTrunks:0"] = "127.0.0.1",
        ["Channels:Voice:Numbers:0611:Menu"] = "*100#",
        ["Channels:Voice:Numbers:0612:Action"] = "BAL",
    };

    [Test]
    public async Task MenuNumber_GreetingThenOneForBalance_TheCallerHearsBothPrompts_AndTheCallIsInTheTimeline()
    {
        using var folder = new TemporaryFolder();
        var recording = folder.File("heard.pcmu");

        var events = await CallAsync("0611", recording, "prompt-end:700", "dtmf:1", "prompt-end:700", "bye");

        var heard = await File.ReadAllBytesAsync(recording);
        var pressedAt = events.Single(e => e.GetProperty("event").GetString() == "dtmf-sent").GetProperty("recorded").GetInt32();
        var prompts = Gateway.Services.GetRequiredService<VoicePrompts>();
        // The main menu of menus.json, as the voice menu says it, with the way to a person.
        var menu = SpokenText.Menu("Северный Телеком", ["Баланс", "Услуги", "Подключить", "Отключить", "Оператор"], "ru")
            + " Чтобы поговорить с оператором, нажмите ноль.";
        var greeting = MuLaw(await prompts.SpeakAsync(menu, "ru", CancellationToken.None));
        var greetingAt = IndexOf(heard.AsSpan(0, pressedAt), greeting);
        Assert.That(greetingAt, Is.GreaterThanOrEqualTo(0), "the menu, whole, before the key");

        // The balance as the outbox handed it to the call (the voice form of the reply), read back from the store.
        var sent = await Gateway.Services.GetRequiredService<IOutbox>().FindAsync("voice", Ivan, null, 10, CancellationToken.None);
        var balanceReply = sent.OrderBy(r => r.CreatedAt).Last().Text;
        Assert.That(balanceReply, Does.Contain("аланс"));
        var balance = MuLaw(await prompts.SpeakAsync(SpokenText.Answer(balanceReply, "ru"), "ru", CancellationToken.None));
        // After the menu (the gateway answers the key's first event packet, before the caller has sent its last).
        Assert.That(IndexOf(heard.AsSpan(greetingAt + greeting.Length), balance), Is.GreaterThanOrEqualTo(0), "the balance, whole, after the menu");

        var call = await WaitForCallAsync(Ivan);
        Assert.That(call.Text, Does.StartWith("0611: *100# → 1 Баланс; keys 1;"));
        Assert.That(call.CustomerId, Is.Not.Null, "over the trusted trunk the caller is the number's customer");
    }

    [Test]
    public async Task UnknownNumber_IsToldSo_AndTheGatewayHangsUp()
    {
        var events = await CallAsync("0699", null, "wait-bye");

        Assert.That(events.Select(e => e.GetProperty("event").GetString()), Does.Contain("peer-bye"));
    }

    /// <summary>Runs the Perl caller to the gateway's SIP address and returns its events; it must end with every step done.</summary>
    private async Task<List<JsonElement>> CallAsync(string number, string? recording, params string[] steps)
    {
        var endPoint = Gateway.Services.GetRequiredService<VoiceSipService>().LocalEndPoint!;
        var start = new ProcessStartInfo("perl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(RepositoryPaths.Root, "tests", "peers", "sip", "caller.pl"),
                     "--to", $"sip:{number}@{endPoint}", "--from", $"sip:{Ivan}@127.0.0.1", "--timeout", "60" })
            start.ArgumentList.Add(argument);
        if (recording is not null) { start.ArgumentList.Add("--record"); start.ArgumentList.Add(recording); }
        foreach (var step in steps) { start.ArgumentList.Add("--step"); start.ArgumentList.Add(step); }
        using var caller = Process.Start(start)!;
        var output = caller.StandardOutput.ReadToEndAsync();
        var errors = caller.StandardError.ReadToEndAsync();
        await caller.WaitForExitAsync();
        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(caller.ExitCode, Is.Zero, $"the caller: {string.Join("\n", lines)}\n{await errors}");
        return [.. lines.Select(l => JsonDocument.Parse(l).RootElement.Clone())];
    }

    /// <summary>The call's entry in the timeline, written when the call has ended on the gateway's side.</summary>
    private async Task<HistoryEntry> WaitForCallAsync(string sender)
    {
        var history = Gateway.Services.GetRequiredService<IHistoryStore>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var call = (await history.ForIdentityAsync("voice", sender, 50, CancellationToken.None)).FirstOrDefault(e => e.Subject == "call");
            if (call is not null) return call;
            if (DateTime.UtcNow > deadline) Assert.Fail("the call never reached the timeline");
            await Task.Delay(50);
        }
    }

    private static byte[] MuLaw(VoicePrompt prompt)
    {
        var bytes = new byte[prompt.Samples.Length];
        G711.Encode(G711Codec.Pcmu, prompt.Samples.Span, bytes);
        return bytes;
    }

    private static int IndexOf(ReadOnlySpan<byte> heard, byte[] prompt) => heard.IndexOf(prompt);
}
