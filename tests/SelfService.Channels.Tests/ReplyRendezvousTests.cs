namespace SelfService.Channels.Tests;

/// <summary>
/// Where a session that cannot wait long (a USSD request, a telephone call) meets the processor's reply to its input: the
/// first reply to an input is its answer; anything else addressed to it must go another way (an agent's later answer).
/// </summary>
public class ReplyRendezvousTests
{
    private static OutboundMessage Reply(string id, string inReplyTo) => new(id, "voice", "+79161234567", "text", [], inReplyTo, "call-1", null);

    [Test]
    public async Task TheFirstReply_ReachesTheWaitingInput()
    {
        var rendezvous = new ReplyRendezvous(TimeProvider.System);
        rendezvous.Expect("in-1");
        var waiting = rendezvous.WaitAsync("in-1", TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.That(rendezvous.TryDeliver("in-1", Reply("out-1", "in-1")), Is.True);
        Assert.That((await waiting)?.Id, Is.EqualTo("out-1"));
    }

    [Test]
    public void TheSameReplySentAgain_IsDelivered_AnotherReplyToTheAnsweredInput_IsNot()
    {
        var rendezvous = new ReplyRendezvous(TimeProvider.System);
        rendezvous.Expect("in-1");
        rendezvous.TryDeliver("in-1", Reply("out-1", "in-1"));

        Assert.That(rendezvous.TryDeliver("in-1", Reply("out-1", "in-1")), Is.True, "a retried send of the answer it already has");
        Assert.That(rendezvous.TryDeliver("in-1", Reply("agent:1", "in-1")), Is.False, "an agent's answer later must reach the customer another way");
    }

    [Test]
    public void NoInputWaiting_NothingIsDelivered()
    {
        var rendezvous = new ReplyRendezvous(TimeProvider.System);

        Assert.That(rendezvous.TryDeliver("in-9", Reply("out-9", "in-9")), Is.False);
        Assert.That(rendezvous.IsExpected("in-9"), Is.False);
    }
}
