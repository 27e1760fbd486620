namespace SelfService.Channels.Ussd;

/// <summary>USSD over HTTP, the sending half: the reply travels back in the aggregator's pending request
/// (<see cref="UssdHttpEndpoints"/> is the receiving half).</summary>
internal sealed class UssdHttpTransport(UssdReplyRendezvous rendezvous) : IUssdTransport
{
    public bool Carries(OutboundMessage reply) => reply.InReplyTo is { } inboundId && rendezvous.IsExpected(inboundId);

    public Task<SendResult> SendAsync(OutboundMessage reply, CancellationToken cancellationToken) =>
        Task.FromResult(rendezvous.TryDeliver(reply.InReplyTo!, reply) ? SendResult.Sent : SendResult.Fail("the aggregator's request for this reply is gone"));
}
