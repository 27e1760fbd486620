using Microsoft.Extensions.DependencyInjection;
using SelfService.Channels.Voice;
using SelfService.Pipeline.Statistics;
using SelfService.Provisioning;
using SelfService.Storage.Messages;
using SelfService.Testing.Peers;

namespace SelfService.Gateway.Tests.Voice;

/// <summary>
/// The voice menu on the real host, called by SIPp (Debian's sip-tester, a SIP implementation that is not ours) over the
/// loopback trunk: a caller giving up while it rings, a special number confirmed with an RFC 2833 key from the recordings
/// Debian ships, and 20 calls at once to the balance number, each ended by the gateway once the balance is spoken. Prompts are spoken fast (400 words a
/// minute) to keep the calls short.
/// </summary>
public class VoiceSippEndToEndTests : VoiceGatewayTest
{
    protected override IDictionary<string, string?> VoiceSettings => new Dictionary<string, string?>
    {
        ["Channels:Voice:Numbers:0612:Action"] = "BAL",
        ["Channels:Voice:Numbers:0613:Action"] = "ACT ROAMING",
        ["Channels:Voice:Numbers:0613:Confirm"] = "true",
        ["Speech:WordsPerMinute"] = "400",
        // A second of ringing before the answer: a caller may give up in it (CANCEL).
        ["Channels:Voice:AnswerAfter"] = "00:00:01",
    };

    [Test]
    public async Task MenuNumber_CancelledWhileRinging_487_TheAbandonedCallIsCounted_AndNothingWasAsked()
    {
        var result = await Sipp.RunAsync(SipEndPoint, Scenario("caller-cancel.xml"), "0612");

        AssertClean(result);
        var call = (await CallsAsync("voice", Ivan)).Single();
        Assert.That(call.Text, Does.StartWith("0612: —; keys —; HungUp;"));
        var history = await History.ForIdentityAsync("voice", Ivan, 50, CancellationToken.None);
        Assert.That(history.Where(e => e.Subject != "call"), Is.Empty, "nothing reached the command processor");
    }

    [Test]
    public async Task RoamingNumber_ConfirmedWithA2833One_TurnsRoamingOn_AndTheGatewayHangsUp()
    {
        var result = await Sipp.RunAsync(SipEndPoint, Scenario("caller-confirm.xml"), "0613");

        AssertClean(result);
        var call = (await CallsAsync("voice", Ivan)).Single();
        TestContext.Out.WriteLine(call.Text);
        Assert.That(call.Text, Does.StartWith("0613: ACT ROAMING; keys 1; Contained;"), "SIPp's From, 79161234567, is Ivan's number over the trusted trunk");
        Assert.That(call.CustomerId, Is.Not.Null);
        var account = await Gateway.Services.GetRequiredService<IProvisioningBackend>().FindSubscriberAsync(Ivan, CancellationToken.None);
        Assert.That(account!.Services.Any(s => s.Code == "ROAMING" && s.State == ServiceState.Active), "the operator turned roaming on");
        var replies = await Gateway.Services.GetRequiredService<IOutbox>().FindAsync("voice", Ivan, null, 10, CancellationToken.None);
        Assert.That(replies.MaxBy(r => r.CreatedAt)!.Text, Does.StartWith("Услуга «Роуминг» подключена"), "the result was what the call spoke last");
    }

    [Test]
    public async Task BalanceNumber_TwentyCallsAtOnce_AllAnswered_AndEachEndedByTheGatewayAfterTheBalance()
    {
        const int Calls = 20;

        var result = await Sipp.RunAsync(SipEndPoint, Scenario("caller-listen.xml"), "0612", calls: Calls, concurrent: Calls, rate: 200);

        AssertClean(result);
        Assert.That(result.PeakCalls, Is.EqualTo(Calls), "all of them up at once");
        var entries = await CallsAsync("voice", Ivan, Calls);
        Assert.That(entries.Select(e => e.Id).Distinct().Count(), Is.EqualTo(Calls), "one timeline entry per SIP Call-ID");
        Assert.That(entries.Select(e => e.Text), Has.All.StartsWith("0612: BAL; keys —; Contained;"));
        // The observers (here the dashboard's figures) are told of a call just after its entry is stored.
        var figures = Gateway.Services.GetRequiredService<TrafficStatistics>();
        await WaitUntilAsync(() => figures.ReadCalls(2).ByOutcome.Values.Sum() >= Calls, "the call observers were told of every call");
        Assert.That(figures.ReadCalls(2).ByOutcome, Is.EqualTo(new Dictionary<string, long> { ["Contained"] = Calls }));
        var replies = await Gateway.Services.GetRequiredService<IOutbox>().FindAsync("voice", Ivan, null, 100, CancellationToken.None);
        Assert.That(replies.Select(r => r.Text), Has.Exactly(Calls).StartsWith("Баланс"), "every call heard the balance, none an apology");
    }

    private static void AssertClean(Sipp.Result result) =>
        Assert.That(result.ExitCode, Is.Zero, () => $"sipp failed ({result.ExitCode}):\n{result.Errors}\n{result.Output}");
}
