using System.Diagnostics;
using System.Net;
using System.Text.Json;
using SelfService.Testing;

namespace SelfService.Gateway.Tests.Voice;

/// <summary>
/// A telephone calling the gateway's voice menu: Net::SIP in Perl (tests/peers/sip/caller.pl, Debian's libnet-sip-perl),
/// over SIP and RTP on loopback. It follows its steps (prompt-end, heard, pause, dtmf, bye, wait-bye), records the PCMU it
/// hears, and reports what happened as events. Its SIP trace (Net::SIP's, on stderr) is shown when a call fails.
/// </summary>
internal static class PerlPhone
{
    /// <summary>Calls <paramref name="number"/> at <paramref name="gateway"/> as <paramref name="caller"/> from <paramref name="from"/>; every step must be done.</summary>
    public static async Task<CallEvents> CallAsync(IPEndPoint gateway, string number, string caller, string? recording, string from, params string[] steps)
    {
        var start = new ProcessStartInfo("perl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(RepositoryPaths.Root, "tests", "peers", "sip", "caller.pl"),
                     "--to", $"sip:{number}@{gateway}", "--from", $"sip:{caller}@{from}", "--address", from, "--timeout", "60", "--debug", "2" })
            start.ArgumentList.Add(argument);
        if (recording is not null) { start.ArgumentList.Add("--record"); start.ArgumentList.Add(recording); }
        foreach (var step in steps) { start.ArgumentList.Add("--step"); start.ArgumentList.Add(step); }
        using var phone = Process.Start(start)!;
        var output = phone.StandardOutput.ReadToEndAsync();
        var errors = phone.StandardError.ReadToEndAsync();
        await phone.WaitForExitAsync();
        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(phone.ExitCode, Is.Zero, $"the caller: {string.Join("\n", lines)}\n{await errors}");
        return new CallEvents([.. lines.Select(l => JsonDocument.Parse(l).RootElement.Clone())]);
    }
}

/// <summary>What the phone reported, in order: "answered", "dtmf-sent", "bye-sent", "peer-bye", each with "recorded" (bytes heard so far).</summary>
internal sealed record CallEvents(IReadOnlyList<JsonElement> Events)
{
    public IEnumerable<string> Names => Events.Select(e => e.GetProperty("event").GetString()!);

    /// <summary>Bytes of audio recorded when <paramref name="name"/> happened (the first time).</summary>
    public int RecordedAt(string name) => Events.First(e => e.GetProperty("event").GetString() == name).GetProperty("recorded").GetInt32();
}
