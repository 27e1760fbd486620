using System.Net;
using SelfService.Sip.Tests.Support;

namespace SelfService.Sip.Tests.UserAgent;

/// <summary>Our user agent calling our user agent on loopback: both halves of a call, and every way it can go.</summary>
public sealed class OutboundCallTests
{
    private SipUserAgent caller = null!;
    private SipUserAgent callee = null!;
    private TestCallHandler handler = null!;
    private Func<SipCall, CancellationToken, Task> script = null!;

    [SetUp]
    public async Task StartAsync()
    {
        handler = new TestCallHandler((call, ct) => script(call, ct));
        caller = new SipUserAgent(new SipUserAgentOptions { Port = 0 });
        callee = new SipUserAgent(new SipUserAgentOptions { Port = 0 }, handler);
        await caller.StartAsync();
        await callee.StartAsync();
    }

    [TearDown]
    public async Task StopAsync()
    {
        await caller.DisposeAsync();
        await callee.DisposeAsync();
    }

    private SipUri Callee(string number) => SipUri.Parse($"sip:{number}@127.0.0.1:{callee.LocalEndPoint.Port}");

    [Test]
    public async Task CallAsync_Answered_DigitsReachTheCalleeAndByeEndsBoth()
    {
        script = async (call, ct) =>
        {
            await call.RingAsync(ct);
            await call.AnswerAsync(ct);
            await Task.Delay(Timeout.Infinite, ct);
        };

        var outbound = await caller.CallAsync(Callee("79161234567"), "0611");
        var inbound = await handler.NextCallAsync();
        await outbound.SendDigitAsync('7');
        await outbound.SendDigitAsync('*');

        Assert.That(inbound.DialledNumber, Is.EqualTo("79161234567"));
        Assert.That(inbound.Caller, Is.EqualTo("0611"));
        Assert.That(outbound.Media!.TelephoneEventPayloadType, Is.EqualTo(101));
        Assert.That(await inbound.Digits.ReadAsync().Within(), Is.EqualTo('7'));
        Assert.That(await inbound.Digits.ReadAsync().Within(), Is.EqualTo('*'));
        await outbound.HangUpAsync();
        Assert.That(await inbound.Completion.Within(), Is.EqualTo(SipCallEndReason.RemoteHangUp));
        Assert.That(outbound.EndReason, Is.EqualTo(SipCallEndReason.LocalHangUp));
    }

    [Test]
    public async Task CallAsync_Rejected_ThrowsWithTheStatus()
    {
        script = (call, ct) => call.RejectAsync(SipStatus.BusyHere, ct);

        var failure = await Assert.ThrowsAsync<SipCallFailedException>(() => caller.CallAsync(Callee("79160000000"), "0611"));

        Assert.That(failure!.StatusCode, Is.EqualTo(486));
        Assert.That(caller.ActiveCalls, Is.Empty);
    }

    [Test]
    public async Task CallAsync_CallerGivesUpWhileRinging_CancelsTheCall()
    {
        script = async (call, ct) =>
        {
            await call.RingAsync(ct);
            await Task.Delay(Timeout.Infinite, ct);
        };
        using var giveUp = new CancellationTokenSource();

        var calling = caller.CallAsync(Callee("79160000001"), "0611", giveUp.Token);
        var inbound = await handler.NextCallAsync();
        await giveUp.CancelAsync();   // whether or not the 100 has reached the caller yet: it waits for one before it cancels

        Assert.That(await inbound.Completion.Within(), Is.EqualTo(SipCallEndReason.Cancelled));
        await Assert.ThatAsync(() => calling, Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task CallAsync_CalleeHangsUp_CallerSeesRemoteHangUp()
    {
        script = async (call, ct) =>
        {
            await call.AnswerAsync(ct);
            await call.HangUpAsync(ct);
        };

        var outbound = await caller.CallAsync(Callee("79160000002"), "0611");

        Assert.That(await outbound.Completion.Within(), Is.EqualTo(SipCallEndReason.RemoteHangUp));
    }

    [Test]
    public async Task CallAsync_HostName_IsRefused() =>
        await Assert.ThrowsAsync<ArgumentException>(() => caller.CallAsync(SipUri.Parse("sip:1@pbx.example.net"), "0611"));
}
