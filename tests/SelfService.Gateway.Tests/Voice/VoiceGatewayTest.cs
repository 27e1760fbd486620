using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SelfService.Channels.Voice;
using SelfService.Gateway.Tests.Infrastructure;
using SelfService.Sip;
using SelfService.Speech;
using SelfService.Storage.History;

namespace SelfService.Gateway.Tests.Voice;

/// <summary>
/// The host with the voice channel on, for the voice end-to-end tests: SIP on a free loopback port, 127.0.0.1 the trusted
/// trunk, Ivan (a sample subscriber) the usual caller, and the ways to read what a call left behind.
/// </summary>
public abstract class VoiceGatewayTest : LoopbackGatewayTest
{
    /// <summary>A sample subscriber (samples/operator/subscribers.json): balance 350.00 RUB, no roaming.</summary>
    protected const string Ivan = "+79161234567";

    /// <summary>The operator's trunk: calls from it come from the number they show.</summary>
    protected const string Trunk = "127.0.0.1";

    protected sealed override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = new Dictionary<string, string?>
            {
                ["Channels:Voice:Enabled"] = "true",
                ["Channels:Voice:Sip:Port"] = "0",
                ["Channels:Voice:TrustedTrunks:0"] = Trunk,
                // The SIP the gateway exchanged, one line a message, in the output of a test that fails.
                ["Logging:LogLevel:SelfService.Channels.Voice.SipWireLog"] = "Debug",
            };
            foreach (var (key, value) in VoiceSettings) settings[key] = value;
            return settings;
        }
    }

    /// <summary>This fixture's numbers and patience, over the common settings.</summary>
    protected abstract IDictionary<string, string?> VoiceSettings { get; }

    /// <summary>Where the gateway takes calls.</summary>
    protected IPEndPoint SipEndPoint => Gateway.Services.GetRequiredService<VoiceSipService>().LocalEndPoint!;

    protected IHistoryStore History => Gateway.Services.GetRequiredService<IHistoryStore>();

    /// <summary>One of the SIPp scenarios beside these tests (Voice/Peers/*.xml, copied to the output folder).</summary>
    protected static string Scenario(string name) => Path.Combine(TestContext.CurrentContext.TestDirectory, "Voice", "Peers", name);

    /// <summary>The calls in the timeline of <paramref name="sender"/> on <paramref name="channel"/>, once there are <paramref name="count"/> (each is written when it has ended).</summary>
    protected async Task<IReadOnlyList<HistoryEntry>> CallsAsync(string channel, string sender, int count = 1)
    {
        IReadOnlyList<HistoryEntry> calls = [];
        await WaitUntilAsync(async () =>
        {
            calls = [.. (await History.ForIdentityAsync(channel, sender, 4 * count + 50, CancellationToken.None)).Where(e => e.Subject == "call")];
            return calls.Count >= count;
        }, $"{count} call(s) in the timeline");
        return calls;
    }

    /// <summary>The G.711 μ-law the gateway sends for <paramref name="text"/> in Russian, spoken as it speaks it (espeak-ng gives the same samples for the same text).</summary>
    protected async Task<byte[]> MuLawAsync(string text)
    {
        var prompt = await Gateway.Services.GetRequiredService<VoicePrompts>().SpeakAsync(text, "ru", CancellationToken.None);
        var bytes = new byte[prompt.Samples.Length];
        G711.Encode(G711Codec.Pcmu, prompt.Samples.Span, bytes);
        return bytes;
    }

    protected static Task WaitUntilAsync(Func<bool> condition, string what) => WaitUntilAsync(() => Task.FromResult(condition()), what);

    protected static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("never happened: " + what);
            await Task.Delay(50);
        }
    }
}
