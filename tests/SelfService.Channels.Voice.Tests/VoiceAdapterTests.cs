using SelfService.Messaging;

namespace SelfService.Channels.Voice.Tests;

/// <summary>Where a message for a caller goes: to the call waiting for it, else (proven numbers only) a call back.</summary>
public class VoiceAdapterTests
{
    private static OutboundMessage Message(string id, string? inReplyTo) =>
        new(id, ChannelNames.VoiceUnproven, "sip:+79161234567@203.0.113.9", "Баланс: 350 RUB.", [], inReplyTo, "call-1", null);

    [Test]
    public async Task TheReplyToAKeyTheCallWaitsOn_GoesToTheCall()
    {
        var rendezvous = new VoiceReplyRendezvous(TimeProvider.System);
        rendezvous.Expect("call-1:1");
        var adapter = new VoiceAdapter(rendezvous, callbacks: null);

        var result = await adapter.SendAsync(Message("out-1", "call-1:1"), CancellationToken.None);

        Assert.That(result.Status, Is.EqualTo(SendStatus.Sent));
        Assert.That((await rendezvous.WaitAsync("call-1:1", TimeSpan.FromSeconds(1), CancellationToken.None))?.Id, Is.EqualTo("out-1"));
    }

    [Test]
    public async Task AnAgentsLaterReply_ToACallerWhoseNumberIsNotProven_FailsSayingWhy()
    {
        var rendezvous = new VoiceReplyRendezvous(TimeProvider.System);
        rendezvous.Expect("call-1:1");
        rendezvous.TryDeliver("call-1:1", Message("out-1", "call-1:1"));
        var adapter = new VoiceAdapter(rendezvous, callbacks: null);

        var result = await adapter.SendAsync(Message("agent:1:0", "call-1:1"), CancellationToken.None);

        Assert.That(result.Status, Is.EqualTo(SendStatus.PermanentFailure));
        Assert.That(result.Error, Does.Contain("not proven"));
        Assert.That(adapter.Profile.SenderIsMsisdn, Is.False);
    }
}
